import client from "prom-client";

// The process's Prometheus metrics (served by /api/metrics, see serve-metrics.ts). server.ts and Next's bundles
// are separate module graphs in one process, so the registry lives on globalThis like the database client.
// What a gauge reports is read when scraped, from sources the owning modules register (sockets, queues, pools),
// so nothing is counted twice and the message path pays only for counter increments.

type PoolLike = { totalCount: number; idleCount: number; waitingCount: number };
type QueueCounts = () => Promise<{ queue: string; counts: Record<string, number> }[]>;

type Sources = {
  connectedSockets?: () => number;
  pendingSends?: () => number;
  queueCounts?: QueueCounts;
  pools: Map<string, PoolLike>;
};

function createMetrics() {
  const registry = new client.Registry();
  const sources: Sources = { pools: new Map() };
  // event-loop lag, GC pauses by kind, heap, CPU, descriptors
  client.collectDefaultMetrics({ register: registry, gcDurationBuckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
  const registers = [registry];
  return {
    registry,
    sources,
    socketsConnected: new client.Gauge({
      name: "tevkil_sockets_connected",
      help: "Socket.IO connections open on this process",
      registers,
      collect() {
        if (sources.connectedSockets) this.set(sources.connectedSockets());
      },
    }),
    messagesStored: new client.Counter({ name: "tevkil_messages_stored_total", help: "Messages committed to PostgreSQL", registers }),
    messagesDelivered: new client.Counter({
      name: "tevkil_messages_delivered_total",
      help: "message:new packets written to sockets of this process (one per receiving tab or device)",
      registers,
    }),
    sendQueueDepth: new client.Gauge({
      name: "tevkil_message_send_queue_depth",
      help: "Sends waiting for their batched insert (refused with RATE_LIMITED past the cap)",
      registers,
      collect() {
        if (sources.pendingSends) this.set(sources.pendingSends());
      },
    }),
    socketAckSeconds: new client.Histogram({
      name: "tevkil_socket_ack_seconds",
      help: "Time from a socket event's arrival to its acknowledgement, by event and outcome",
      labelNames: ["event", "outcome"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    httpSeconds: new client.Histogram({
      name: "tevkil_http_request_duration_seconds",
      help: "HTTP responses by route (a bounded set of names, see route-label.ts), method and status class",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    poolConnections: new client.Gauge({
      name: "tevkil_db_pool_connections",
      help: "PostgreSQL pool connections by pool and state (busy, idle, waiting = callers queued for one)",
      labelNames: ["pool", "state"] as const,
      registers,
      collect() {
        for (const [pool, p] of sources.pools) {
          this.set({ pool, state: "busy" }, p.totalCount - p.idleCount);
          this.set({ pool, state: "idle" }, p.idleCount);
          this.set({ pool, state: "waiting" }, p.waitingCount);
        }
      },
    }),
    queueJobs: new client.Gauge({
      name: "tevkil_queue_jobs",
      help: "BullMQ jobs by queue and state (failed: kept for /yonetim/kuyruklar)",
      labelNames: ["queue", "state"] as const,
      registers,
      async collect() {
        if (!sources.queueCounts) return;
        for (const { queue, counts } of await sources.queueCounts()) {
          for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
        }
      },
    }),
    replicaReads: new client.Counter({
      name: "tevkil_db_replica_reads_total",
      help: "Lag-tolerant reads by who served them (replica, primary) and why (caught-up, lag, down)",
      labelNames: ["served", "reason"] as const,
      registers,
    }),
    redisReconnects: new client.Counter({ name: "tevkil_redis_reconnects_total", help: "Redis reconnection attempts (a lost connection is retried until it is back)", registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { tevkilMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.tevkilMetrics ??= createMetrics();
  return globalForMetrics.tevkilMetrics;
}

/** Labels every series of this process with its role, so the socket and web processes of one instance stay apart. */
export function labelMetricsProcess(role: string): void {
  metrics().registry.setDefaultLabels({ process: role });
}
