// The transports of this repository: the only list of them. The test runner's lanes
// (scripts/run-tests.mjs), the shared brokers' addresses (test/support/broker-urls.ts), the reliability
// harness (reliability/run.ts) and the benchmarks (bench/run.ts) read it. A new broker is its lib/<id>/
// folder, its adapter test/conformance/adapters/<id>.ts (with the two-line <id>.conformance.test.ts
// that runs the suite on it) and one entry here.
//
// Data only, no imports: the runner reads the compiled file without loading any broker's driver, and
// modules are named by path (from the repository root, no extension) so that nothing here imports
// what imports it.

/** An export of a module of this repository, by path from the repository root without extension (`bench/kafka.bench`). */
export interface ModuleExport {
  module: string;
  export: string;
}

/** A shared local broker the tests talk to. */
export interface SharedBroker {
  /** The environment variable holding its address (Kafka: a comma-separated list of brokers). */
  env: string;
  /** The address when `env` is unset: this machine's broker (scripts/services.sh starts it). */
  defaultUrl: string;
}

/** Test files of a transport that run in a node process of their own, beside its main lane. */
export interface ExtraLane {
  lane: string;
  /** Matched against the file's name. */
  files: RegExp;
}

/** How the reliability harness (reliability/run.ts) runs a transport on private nodes of scripts/cluster.sh. */
export interface ReliabilityEntry {
  /** A class `new (addresses: string[], options?: { leader?: number }) => Driver` (reliability/drivers.ts). */
  driver: ModuleExport;
  /** scripts/cluster.sh's variable for the first port of a node set. */
  portEnv: string;
  /** A node's address; `{port}` is replaced. */
  address: string;
  /** The first port of the single private node. */
  singlePort: number;
  /** A 3-node cluster row (leader killed mid-stream) on these ports; transports with one run before the others, one at a time. */
  clusterPort?: number;
  /** Why there is no cluster row: written under the transport's table. */
  noClusterRow?: string;
  /** Runs of scenarios at once at most, whatever RELIABILITY_PARALLEL says. @defaultValue no cap */
  maxParallel?: number;
}

/** The benchmarks (bench/run.ts) of a transport: rows of the table, and measurements of its own. */
export interface BenchEntry {
  module: string;
  /** One row each: `export(...args)` returns the row's `BrokerBench`. */
  rows: ReadonlyArray<{ id: string; export: string; args?: readonly unknown[] }>;
  /** An `ExtraBench` (bench/bench-types.ts) run after every row. */
  extra?: string;
}

export interface TransportEntry {
  /** The broker's id: lib/<id>/, the test lane, file names (`<scenario>-<id>.test.ts`), RELIABILITY_TRANSPORTS. */
  id: string;
  /** The name tables and logs show. */
  title: string;
  /** Absent for a transport without a broker (in-memory): its tests run in the `core` lane. */
  broker?: SharedBroker;
  extraLanes?: readonly ExtraLane[];
  /** Files (by name) that restart a broker another lane uses too: they run after every lane, alone. */
  runLast?: RegExp;
  /** The conformance suite's adapter. */
  adapter: ModuleExport;
  reliability?: ReliabilityEntry;
  bench?: BenchEntry;
}

export const TRANSPORTS = [
  {
    id: 'in-memory',
    title: 'in-memory (nestjs-ack/testing)',
    adapter: { module: 'test/conformance/adapters/in-memory', export: 'inMemoryConformanceAdapter' },
  },
  {
    id: 'rabbitmq',
    title: 'RabbitMQ',
    broker: { env: 'RABBITMQ_URL', defaultUrl: 'amqp://guest:guest@127.0.0.1:5672' },
    // Classic queues: the suite again on queues of its own.
    extraLanes: [{ lane: 'rabbitmq-classic', files: /rabbitmq-classic/ }],
    runLast: /^broker-restart-rabbitmq/,
    adapter: { module: 'test/conformance/adapters/rabbitmq', export: 'rabbitConformanceAdapter' },
    reliability: { driver: { module: 'reliability/drivers', export: 'RabbitDriver' }, portEnv: 'RABBIT_PORT_BASE', address: 'amqp://guest:guest@127.0.0.1:{port}', singlePort: 5791, clusterPort: 5781 },
    bench: { module: 'bench/rabbitmq.bench', rows: [{ id: 'rabbitmq-quorum', export: 'rabbitmqBench', args: ['quorum'] }, { id: 'rabbitmq-classic', export: 'rabbitmqBench', args: ['classic'] }] },
  },
  {
    id: 'kafka',
    title: 'Kafka',
    broker: { env: 'KAFKA_BROKERS', defaultUrl: '127.0.0.1:9092' },
    // The suite under ordering 'key' and 'none': groups and topics of their own.
    extraLanes: [{ lane: 'kafka-orderings', files: /^kafka-(key|none)\.conformance/ }],
    adapter: { module: 'test/conformance/adapters/kafka', export: 'kafkaConformanceAdapter' },
    // One run at a time: its driver shares one producer that each run's clean-up replaces.
    reliability: { driver: { module: 'reliability/drivers', export: 'KafkaDriver' }, portEnv: 'KAFKA_PORT_BASE', address: '127.0.0.1:{port}', singlePort: 19392, clusterPort: 19592, maxParallel: 1 },
    bench: { module: 'bench/kafka.bench', rows: [{ id: 'kafka', export: 'kafkaBench' }], extra: 'kafkaOrderingBench' },
  },
  {
    id: 'nats',
    title: 'NATS JetStream',
    broker: { env: 'NATS_URL', defaultUrl: 'nats://127.0.0.1:4222' },
    adapter: { module: 'test/conformance/adapters/nats', export: 'natsConformanceAdapter' },
    reliability: {
      driver: { module: 'reliability/nats-driver', export: 'NatsDriver' },
      portEnv: 'NATS_PORT_BASE',
      address: 'nats://127.0.0.1:{port}',
      singlePort: 14791,
      noClusterRow: 'No 3-node cluster row: a JetStream cluster (R3 streams over RAFT) is not part of this harness yet; this table covers one nats-server, killed consumers and a restarted server.',
    },
    bench: { module: 'bench/nats.bench', rows: [{ id: 'nats', export: 'natsBench' }] },
  },
  {
    id: 'redis',
    title: 'Redis Streams',
    broker: { env: 'REDIS_URL', defaultUrl: 'redis://127.0.0.1:6379' },
    adapter: { module: 'test/conformance/adapters/redis', export: 'redisConformanceAdapter' },
    reliability: {
      driver: { module: 'reliability/redis-driver', export: 'RedisDriver' },
      portEnv: 'REDIS_PORT_BASE',
      address: 'redis://127.0.0.1:{port}',
      singlePort: 16791,
      noClusterRow: 'No 3-node cluster row: Redis replicates asynchronously, so a Sentinel or Cluster failover after a leader kill may lose acknowledged XADDs and XACKs: "0 lost" could not be promised there, and the transport is tested against a single Redis only (see docs/redis.md, Limits).',
    },
    bench: { module: 'bench/redis.bench', rows: [{ id: 'redis', export: 'redisBench' }] },
  },
  {
    id: 'postgres',
    title: 'PostgreSQL',
    broker: { env: 'DATABASE_URL', defaultUrl: 'postgres://postgres@127.0.0.1:5432/test' },
    adapter: { module: 'test/conformance/adapters/postgres', export: 'postgresConformanceAdapter' },
    reliability: {
      driver: { module: 'reliability/postgres-driver', export: 'PostgresDriver' },
      portEnv: 'POSTGRES_PORT_BASE',
      address: 'postgres://postgres@127.0.0.1:{port}/postgres',
      singlePort: 15791,
      noClusterRow: 'No 3-node cluster row: PostgreSQL failover (streaming replicas and a failover manager) happens outside the transport, which talks to one primary; to it a failover is the broker restart above.',
    },
    bench: { module: 'bench/postgres.bench', rows: [{ id: 'postgres', export: 'postgresBench' }], extra: 'postgresClaimScaleBench' },
  },
] as const satisfies readonly TransportEntry[];

type Entry = (typeof TRANSPORTS)[number];
export type TransportId = Entry['id'];
/** Transports with a shared local broker. */
export type BrokerTransportId = Extract<Entry, { broker: SharedBroker }>['id'];
/** Transports the reliability harness runs. */
export type ReliabilityTransportId = Extract<Entry, { reliability: ReliabilityEntry }>['id'];

/** The entry of `id`. */
export function transport(id: TransportId): TransportEntry {
  return TRANSPORTS.find((entry) => entry.id === id)!;
}
