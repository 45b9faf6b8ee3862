import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Partitioners, type KafkaConfig, type logCreator, type Producer } from 'kafkajs';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs log level (default WARN), written through the Nest logger. */
  logLevel?: logLevel;
  /** Extra kafkajs settings (ssl, sasl, retry, timeouts …). */
  kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logLevel' | 'logCreator'>;
}

/** kafkajs → Nest logger (context `kafkajs`). */
export const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const {
      message,
      timestamp: _ts,
      logger: _l,
      ...extra
    } = log as { message: string; timestamp?: string; logger?: string };
    const text = Object.keys(extra).length ? `${message} ${JSON.stringify(extra)}` : message;
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else if (level === logLevel.INFO) logger.log(text);
    else logger.debug(text);
  };
};

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    connectionTimeout: 3000,
    ...options.kafka,
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: nestLogCreator,
  });
}

/**
 * The producer every send of this library goes through: idempotent (the broker drops the retries
 * of one producer session), one request in flight (retries cannot reorder), acks from all in-sync
 * replicas awaited by the caller (`acks: -1` on every send). Java-compatible murmur2 partitioning,
 * so a key lands on the same partition whatever client produced it.
 */
export function createReliableProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
