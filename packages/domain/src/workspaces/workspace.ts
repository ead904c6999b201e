export interface Workspace {
  id: string;
  name: string;
  createdAt: Date;
}

export interface ApiKey {
  id: string;
  workspaceId: string;
  /** The first characters of the key, safe to show and log (`ps_live_AbC1`). */
  prefix: string;
  /** SHA-256 of the full key, hex; the key itself is never stored. */
  keyHash: string;
  createdAt: Date;
  revokedAt: Date | null;
}
