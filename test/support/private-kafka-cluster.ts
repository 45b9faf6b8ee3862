/**
 * A private 3-node Kafka cluster (KRaft, broker + controller in each process) on free ports, for tests and chaos
 * scripts that kill a broker: the same jars and the same configuration template as the `kafka3` profile of
 * infra/local (infra/local/kafka/cluster.properties.template: replication factor 3, min.insync.replicas 2).
 * The shared broker is never touched. Data in a temporary directory that survives a node's restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KafkaNode, kafkaClusterId, kafkaLibs } from './private-kafka';
import { freePort } from './system';

export class PrivateKafkaCluster {
  /** The replication factor the cluster's topics get (the template's default.replication.factor). */
  readonly replicationFactor = 3;

  private constructor(
    private readonly dir: string,
    /** Node i + 1 of the cluster (node.id i + 1). */
    readonly nodes: readonly KafkaNode[],
  ) {}

  /** Formats three nodes and starts them (fastStart JVMs by default, see kafkaJvm); resolves when every node accepts connections. */
  static async start(
    options: { heap?: string; fastStart?: boolean; timeoutMs?: number } = {},
  ): Promise<PrivateKafkaCluster> {
    const libs = kafkaLibs();
    const dir = mkdtempSync(path.join(tmpdir(), 'casebridge-private-kafka3-'));
    const ports: { port: number; controller: number }[] = [];
    for (let i = 0; i < 3; i++) ports.push({ port: await freePort(), controller: await freePort() });
    const voters = ports.map((p, i) => `${i + 1}@127.0.0.1:${p.controller}`).join(',');
    const clusterId = kafkaClusterId();
    const nodes = ports.map(
      (p, i) =>
        new KafkaNode(
          libs,
          path.join(dir, `node${i + 1}`),
          p.port,
          'cluster.properties.template',
          { NODE_ID: i + 1, QUORUM_VOTERS: voters, KAFKA_CONTROLLER_PORT: p.controller },
          options.heap ?? '384m',
          options.fastStart ?? true,
        ),
    );
    await Promise.all(nodes.map((n) => n.format(clusterId)));
    const cluster = new PrivateKafkaCluster(dir, nodes);
    // a node opens its broker port once the controller quorum (2 of 3) has formed: spawn all, then wait
    for (const n of nodes) n.spawn();
    try {
      await Promise.all(nodes.map((n) => n.waitReady(options.timeoutMs ?? 120_000)));
    } catch (e) {
      await cluster.destroy();
      throw e;
    }
    return cluster;
  }

  /** Bootstrap list of all three nodes. */
  get brokers(): string[] {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`);
  }

  /** The node with `node.id` `id` (1..3). */
  node(id: number): KafkaNode {
    const n = this.nodes[id - 1];
    if (!n) throw new Error(`the cluster has nodes 1..3, not ${id}`);
    return n;
  }

  /** Kills every node and deletes the data. */
  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop('SIGKILL')));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
