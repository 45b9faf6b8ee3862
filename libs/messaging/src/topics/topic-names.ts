import { ALL_TOPICS, Topics, topicOf, type ProducerKind, type TopicName } from '@casebridge/contracts';

export interface TopicNamesConfig {
  /**
   * Appended to every base topic as `${base}.${suffix}`. Used by e2e tests (and per-environment
   * isolation) to run whole apps on their own topics. Empty/undefined = the base names.
   */
  suffix?: string;
}

const SUFFIX_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;
const BASE_TOPICS = new Set<string>(ALL_TOPICS);

/** Maps the contract topics (libs/contracts `Topics`) to the real topic names of one deployment. */
export class TopicNames {
  readonly suffix: string | undefined;

  constructor(config: TopicNamesConfig = {}) {
    const suffix = config.suffix === '' ? undefined : config.suffix;
    if (suffix !== undefined && !SUFFIX_PATTERN.test(suffix)) {
      throw new Error(
        `invalid topic suffix '${suffix}': use letters, digits, '.', '_' or '-' (at most 100 characters)`,
      );
    }
    this.suffix = suffix;
  }

  /** The real name of a base topic. Throws for a name that is not a contract topic. */
  resolve(base: TopicName): string {
    if (!BASE_TOPICS.has(base)) {
      throw new Error(`'${String(base)}' is not a CaseBridge topic (expected one of: ${ALL_TOPICS.join(', ')})`);
    }
    return this.suffix ? `${base}.${this.suffix}` : base;
  }

  /** The real topic a producer of this kind writes to. */
  forProducer(kind: ProducerKind): string {
    return this.resolve(topicOf(kind));
  }

  get deadLetter(): string {
    return this.resolve(Topics.deadLetter);
  }

  /** Every real topic of the system (for creating them up front: auto-creation is off). */
  all(): string[] {
    return ALL_TOPICS.map((t) => this.resolve(t));
  }

  /** The base topic of a real topic name, or undefined when it is not one of ours. */
  baseOf(real: string): TopicName | undefined {
    return ALL_TOPICS.find((t) => this.resolve(t) === real);
  }
}
