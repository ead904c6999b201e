import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import * as fields from '../fields.js';
import type { ApiKeyRepository, WorkspaceRepository } from '../ports.js';
import { parseInput } from '../validation.js';
import { displayPrefix, generateApiKey, hashApiKey, looksLikeApiKey, sameHash } from './api-keys.js';
import type { ApiKey, Workspace } from './workspace.js';

export const newWorkspaceSchema = z.strictObject({
  name: fields.text('Name', 200).min(1, 'Name must not be empty.'),
});

/** A key as shown once, at creation: the only moment the full key exists outside the client. */
export interface IssuedApiKey {
  id: string;
  workspaceId: string;
  prefix: string;
  apiKey: string;
  createdAt: Date;
}

/** Workspaces, their API keys, and resolving a presented key to its workspace. */
export class WorkspaceService {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a workspace with its first API key. @throws MissingFieldError | InvalidFieldError */
  async createWorkspace(input: { name: string }): Promise<{ workspace: Workspace; key: IssuedApiKey }> {
    const { name } = parseInput(newWorkspaceSchema, input);
    const workspace: Workspace = { id: crypto.randomUUID(), name, createdAt: this.now() };
    await this.workspaces.insert(workspace);
    return { workspace, key: await this.createApiKey(workspace.id) };
  }

  /** @throws NotFoundError when the workspace does not exist */
  async createApiKey(workspaceId: string): Promise<IssuedApiKey> {
    const workspace = fields.isUuid(workspaceId) ? await this.workspaces.findById(workspaceId) : null;
    if (!workspace) throw new NotFoundError('workspace', workspaceId);
    const apiKey = generateApiKey();
    const key: ApiKey = {
      id: crypto.randomUUID(),
      workspaceId,
      prefix: displayPrefix(apiKey),
      keyHash: hashApiKey(apiKey),
      createdAt: this.now(),
      revokedAt: null,
    };
    await this.apiKeys.insert(key);
    return { id: key.id, workspaceId, prefix: key.prefix, apiKey, createdAt: key.createdAt };
  }

  /** Revokes a key; it is refused from the next request on. @throws NotFoundError */
  async revokeApiKey(id: string): Promise<void> {
    const revoked = fields.isUuid(id) && (await this.apiKeys.revoke(id, this.now()));
    if (!revoked) throw new NotFoundError('api_key', id);
  }

  /** The workspace a presented key belongs to, or null for a malformed, unknown or revoked key. */
  async authenticate(presented: string): Promise<string | null> {
    if (!looksLikeApiKey(presented)) return null;
    const hash = hashApiKey(presented);
    const key = await this.apiKeys.findByHash(hash);
    if (!key || key.revokedAt !== null || !sameHash(key.keyHash, hash)) return null;
    return key.workspaceId;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.workspaces.count()) === 0;
  }
}
