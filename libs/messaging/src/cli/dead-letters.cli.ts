/**
 * Operators' command for the dead-letter topic: list what the consumers gave up on, and replay it.
 *
 *   npm run --silent dead-letters -- list [--group <consumer group>] [--reason <reason>] [--type <event type>] [--json]
 *   npm run --silent dead-letters -- replay (--id <partition:offset> ... | --all) [--group …] [--reason …] [--type …] [--dry-run]
 *   npm run --silent dead-letters -- --help
 *
 * Brokers and topic suffix come from CASEBRIDGE_KAFKA_BROKERS and CASEBRIDGE_TOPIC_SUFFIX (as the
 * services), or --brokers / --suffix. Replaying puts the original record back on its source topic: the
 * consumer group that gave up applies it (or parks it until its record arrives); groups that applied it
 * before skip it (inbox). Exit codes: 0 done, 1 failure (Kafka unreachable …), 2 usage error.
 */
import { parseArgs } from 'node:util';
import { logLevel } from 'kafkajs';
import { createKafka } from '../kafka/kafka-client';
import { readDeadLetters, replayDeadLetters, type DeadLetterEntry } from '../inbox/dead-letter-admin';
import { TopicNames } from '../topics/topic-names';

const HELP = `dead-letters — list and replay the events the consumers dead-lettered

usage:
  dead-letters list   [filters] [--json]
  dead-letters replay (--id <partition:offset> ... | --all) [filters] [--dry-run]

filters (combined with AND):
  --group <id>       consumer group that gave up (e.g. casebridge-enforcement)
  --reason <reason>  malformed | invalid-envelope | unknown-event | invalid-payload | forbidden-producer | handler-failed | non-retryable
  --type <type>      event type (e.g. transfer.receipt-signed)

options:
  --brokers <h:p,…>  Kafka brokers (default $CASEBRIDGE_KAFKA_BROKERS or 127.0.0.1:9092)
  --suffix <s>       topic isolation suffix (default $CASEBRIDGE_TOPIC_SUFFIX)
  --json             list: one JSON array instead of a table
  --dry-run          replay: print what would be replayed, send nothing
  -h, --help         this text

Replaying sends the original key and value back to the source topic (headers cb-replayed-from,
cb-replayed-at); consumers that applied the event before skip it (inbox), the one that gave up applies it
or parks it until the record it refers to arrives. Events that are malformed or invalid fail again:
fix the producer instead. Exit codes: 0 done, 1 failure, 2 usage error.
`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

function eventType(e: DeadLetterEntry): string {
  try {
    return (JSON.parse(e.record.value ?? '') as { type?: string }).type ?? '?';
  } catch {
    return '?';
  }
}

export async function runDeadLettersCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        group: { type: 'string' },
        reason: { type: 'string' },
        type: { type: 'string' },
        id: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        brokers: { type: 'string' },
        suffix: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n(dead-letters --help for usage)`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.out(HELP);
    return 0;
  }
  try {
    const command = positionals[0];
    if (positionals.length !== 1 || (command !== 'list' && command !== 'replay'))
      throw new UsageError('give one command: list or replay');
    if (command === 'replay' && !v.all && !v.id?.length)
      throw new UsageError('replay needs --id <partition:offset> (repeatable) or --all');
    if (v.id?.some((id) => !/^\d+:\d+$/.test(id)))
      throw new UsageError('--id is <partition>:<offset> as printed by list (e.g. 0:42)');
    const brokers = (v.brokers ?? io.env.CASEBRIDGE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
    const topic = new TopicNames({ suffix: v.suffix ?? (io.env.CASEBRIDGE_TOPIC_SUFFIX || undefined) }).deadLetter;
    const kafka = createKafka({ brokers, clientId: 'casebridge-dead-letters-cli', logLevel: logLevel.NOTHING });
    const ids = new Set(v.id ?? []);
    const entries = (await readDeadLetters(kafka, topic)).filter(
      (e) =>
        (!v.group || e.record.consumerGroup === v.group) &&
        (!v.reason || e.record.reason === v.reason) &&
        (!v.type || eventType(e) === v.type) &&
        (command === 'list' || v.all || ids.has(e.id)),
    );
    if (command === 'list') {
      if (v.json)
        io.out(
          JSON.stringify(
            entries.map((e) => ({ id: e.id, type: eventType(e), ...e.record })),
            null,
            2,
          ),
        );
      else {
        io.out(`${entries.length} dead-lettered event(s) in ${topic}`);
        for (const e of entries) {
          io.out(
            `${e.id}\t${e.record.failedAt}\t${e.record.consumerGroup}\t${eventType(e)}\t${e.record.reason}\t${e.record.detail.slice(0, 160)}`,
          );
        }
      }
      return 0;
    }
    const missing = [...ids].filter((id) => !entries.some((e) => e.id === id));
    if (missing.length) throw new UsageError(`no dead letter ${missing.join(', ')} in ${topic} (matching the filters)`);
    if (v['dry-run']) {
      io.out(
        `would replay ${entries.length} event(s): ${entries.map((e) => `${e.id} ${eventType(e)} → ${e.record.sourceTopic}`).join('; ')}`,
      );
      return 0;
    }
    const replayed = await replayDeadLetters(kafka, entries);
    io.out(`replayed ${replayed.length} event(s) to their source topics: ${replayed.join(', ')}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n(dead-letters --help for usage)`);
      return 2;
    }
    io.err(`dead-letters: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void runDeadLettersCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
