import { AgentRole, signAgentToken } from '../../../src/server/support/agentToken';

export const AGENT_SECRET = 'test-agent-secret-0123456789-abcdefghij';

export async function tokenFor(role: AgentRole, sub = `${role}-1`, secret = AGENT_SECRET): Promise<string> {
  return signAgentToken(secret, { sub, role, ttlSeconds: 600 });
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A caller of the agent API over real HTTP. */
export class AgentApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  static async as(baseUrl: string, role: AgentRole, sub?: string): Promise<AgentApi> {
    return new AgentApi(baseUrl, await tokenFor(role, sub));
  }

  async get<T = Record<string, unknown>>(path: string): Promise<ApiAnswer<T>> {
    return this.call<T>('GET', path);
  }

  async post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return this.call<T>('POST', path, body);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
}

/** The path of a case: its conversation id, URL-encoded. */
export function casePath(conversationId: string, suffix = ''): string {
  return `/api/agent/cases/${encodeURIComponent(conversationId)}${suffix}`;
}
