import type { Services } from '@pristinesend/domain';

/**
 * On the first start with an empty database, a default workspace and its key, so a
 * new user can call the API at once. Returns the key only that one time.
 */
export async function ensureDefaultWorkspace(
  services: Services,
): Promise<{ workspaceId: string; apiKey: string } | undefined> {
  if (!(await services.workspaces.isEmpty())) return undefined;
  const { workspace, key } = await services.workspaces.createWorkspace({ name: 'Default workspace' });
  return { workspaceId: workspace.id, apiKey: key.apiKey };
}
