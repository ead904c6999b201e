/** Fragments of the server's SQL (packages/db/src/repositories), shared by the baseline and EXPLAIN. */

export const COLUMNS =
  'c.id, c.workspace_id, c.email, c.first_name, c.last_name, c.status, c.properties, c.created_at, c.updated_at';

/** The merged properties of a merge-PATCH (`$2` the keys to set, `$3` the keys to remove). */
export const MERGED = '((c.properties || $2::jsonb) - array(select jsonb_array_elements_text($3::jsonb)))';
