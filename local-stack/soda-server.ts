// A SODA-compatible open-data portal on loopback, for tests and the demo: GET
// /resource/<dataset>.json answers a small SoQL subset over in-memory sample datasets —
// $select of columns or count(*)/sum/avg/min/max (with `as` aliases), $where of comparisons joined
// by AND, $group by columns, $limit — with injectable faults (slow, HTTP 500, malformed JSON).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Row = Record<string, string | number>;
export type SodaFault = 'slow' | 'error_500' | 'malformed_json' | null;

export interface SodaServer {
  url: string;
  /** Requests seen, most recent last (URL and X-App-Token). */
  requests: { url: string; appToken: string | null }[];
  setFault(fault: SodaFault, slowMs?: number): void;
  close(): Promise<void>;
}

const AGG = /^(count|sum|avg|min|max)\((\*|[a-z_][a-z0-9_]*)\)$/i;

function parseSelect(select: string) {
  return select.split(',').map((part) => {
    const m = /^\s*(.+?)(?:\s+as\s+([a-z_][a-z0-9_]*))?\s*$/i.exec(part)!;
    const expr = m[1]!.trim();
    const agg = AGG.exec(expr);
    return {
      expr,
      alias: m[2] ?? (agg ? `${agg[1]!.toLowerCase()}_${agg[2] === '*' ? '' : agg[2]}`.replace(/_$/, '') : expr),
      agg,
    };
  });
}

function literal(text: string): string | number {
  const t = text.trim();
  if (/^'.*'$/s.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  const n = Number(t);
  if (Number.isFinite(n)) return n;
  throw new Error(`cannot read literal ${t}`);
}

function parseWhere(where: string): ((r: Row) => boolean)[] {
  return where.split(/\s+AND\s+/i).map((cond) => {
    const m = /^\s*([a-z_][a-z0-9_]*)\s*(>=|<=|!=|=|<|>)\s*(.+?)\s*$/is.exec(cond);
    if (!m) throw new Error(`unsupported condition: ${cond}`);
    const [, col, op, lit] = m;
    const v = literal(lit!);
    return (r: Row) => {
      const x = r[col!];
      if (x === undefined) return false;
      switch (op) {
        case '=':
          return x === v;
        case '!=':
          return x !== v;
        case '<':
          return x < v;
        case '<=':
          return x <= v;
        case '>':
          return x > v;
        default:
          return x >= v;
      }
    };
  });
}

function aggregate(fn: string, arg: string, rows: Row[]): number {
  if (fn.toLowerCase() === 'count') return arg === '*' ? rows.length : rows.filter((r) => r[arg] !== undefined).length;
  const xs = rows.map((r) => Number(r[arg])).filter(Number.isFinite);
  if (xs.length === 0) return 0;
  switch (fn.toLowerCase()) {
    case 'sum':
      return xs.reduce((a, b) => a + b, 0);
    case 'avg':
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'min':
      return Math.min(...xs);
    default:
      return Math.max(...xs);
  }
}

/** Runs one query; like SODA, numbers come back as strings. */
export function runSoql(rows: Row[], q: URLSearchParams): Record<string, string>[] {
  const filters = q.get('$where') ? parseWhere(q.get('$where')!) : [];
  const matched = rows.filter((r) => filters.every((f) => f(r)));
  const select = parseSelect(q.get('$select') ?? '*');
  const group =
    q
      .get('$group')
      ?.split(',')
      .map((g) => g.trim()) ?? [];
  const hasAgg = select.some((s) => s.agg);
  let groups: Row[][];
  if (group.length) {
    const byKey = new Map<string, Row[]>();
    for (const r of matched) {
      const k = JSON.stringify(group.map((g) => r[g]));
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    groups = [...byKey.values()];
  } else groups = hasAgg ? [matched] : matched.map((r) => [r]);
  const out = groups.map((g) =>
    Object.fromEntries(
      select.flatMap((s) =>
        s.expr === '*'
          ? Object.entries(g[0] ?? {}).map(([k, v]) => [k, String(v)])
          : [[s.alias, String(s.agg ? aggregate(s.agg[1]!, s.agg[2]!, g) : (g[0]?.[s.expr] ?? ''))]],
      ),
    ),
  );
  const limit = Number(q.get('$limit') ?? 1000);
  return out.slice(0, limit);
}

export async function startSodaServer(datasets: Record<string, Row[]>, port = 0): Promise<SodaServer> {
  let fault: SodaFault = null;
  let slowMs = 2_000;
  const requests: SodaServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url: url.pathname + url.search, appToken: (req.headers['x-app-token'] as string) ?? null });
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    const answer = () => {
      if (fault === 'error_500') return send(500, JSON.stringify({ error: true, message: 'internal error' }));
      if (fault === 'malformed_json') return send(200, '[{"count": "12"');
      const m = /^\/resource\/([a-z0-9]{4}-[a-z0-9]{4})\.json$/.exec(url.pathname);
      const rows = m ? datasets[m[1]!] : undefined;
      if (!rows) return send(404, JSON.stringify({ error: true, message: 'dataset not found' }));
      try {
        send(200, JSON.stringify(runSoql(rows, url.searchParams)));
      } catch (err) {
        send(400, JSON.stringify({ error: true, message: err instanceof Error ? err.message : String(err) }));
      }
    };
    if (fault === 'slow') setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    setFault(f, ms) {
      fault = f;
      if (ms) slowMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
