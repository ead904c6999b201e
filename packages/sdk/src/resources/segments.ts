import type { HttpClient, RequestOptions } from '../http.js';
import { type PagePromise, type PageResponse, paginate } from '../pagination.js';
import type {
  AddContactsResult,
  Segment,
  SegmentCreateParams,
  SegmentListParams,
  SegmentUpdateParams,
} from '../types.js';
import { pathSegment, toWire } from '../wire.js';

/** The static segments of the API key's workspace and their members: `ps.segments`. */
export class Segments {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists segments, newest first. Await it for the first page, or iterate it with `for await` to get
   * every segment across all pages.
   *
   * @throws {ValidationError} on a malformed `cursor` or `limit`.
   */
  list(params: SegmentListParams = {}, options?: RequestOptions): PagePromise<Segment> {
    return paginate(async (cursor) => {
      const query = toWire(cursor === undefined ? params : { ...params, cursor });
      return this.#http.request<PageResponse<Segment>>({
        method: 'GET',
        path: '/api/v1/segments',
        query,
        options,
      });
    });
  }

  /**
   * Creates a segment.
   *
   * @throws {ValidationError} when `name` is missing or a field is invalid.
   */
  async create(params: SegmentCreateParams, options?: RequestOptions): Promise<Segment> {
    return this.#http.request({ method: 'POST', path: '/api/v1/segments', body: toWire(params), options });
  }

  /**
   * Fetches one segment.
   *
   * @throws {NotFoundError} when there is no such segment in this workspace.
   */
  async get(id: string, options?: RequestOptions): Promise<Segment> {
    return this.#http.request({ method: 'GET', path: `/api/v1/segments/${pathSegment(id, 'id')}`, options });
  }

  /**
   * Changes the given fields.
   *
   * @throws {ValidationError} when a field is invalid.
   * @throws {NotFoundError} when there is no such segment in this workspace.
   */
  async update(id: string, params: SegmentUpdateParams = {}, options?: RequestOptions): Promise<Segment> {
    const path = `/api/v1/segments/${pathSegment(id, 'id')}`;
    return this.#http.request({ method: 'PATCH', path, body: toWire(params), options });
  }

  /**
   * Deletes a segment and its memberships; its contacts stay. Resolves with `undefined`.
   *
   * @throws {NotFoundError} when there is no such segment in this workspace.
   */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.#http.request({
      method: 'DELETE',
      path: `/api/v1/segments/${pathSegment(id, 'id')}`,
      options,
    });
  }

  /**
   * Adds 1 to 1000 contacts to a segment, all or nothing, and resolves with how many were newly added.
   *
   * @throws {ValidationError} when the list is empty, too long, or holds a malformed id.
   * @throws {NotFoundError} when the segment or any of the contacts is not in this workspace; then nothing
   * is added.
   */
  async addContacts(
    segmentId: string,
    contactIds: readonly string[],
    options?: RequestOptions,
  ): Promise<AddContactsResult> {
    const path = `/api/v1/segments/${pathSegment(segmentId, 'segmentId')}/contacts`;
    return this.#http.request({ method: 'POST', path, body: { contact_ids: contactIds }, options });
  }

  /**
   * Adds one contact to a segment; adding a member again is not an error. Resolves with `undefined`.
   *
   * @throws {NotFoundError} when the segment or the contact is not in this workspace.
   */
  async addContact(segmentId: string, contactId: string, options?: RequestOptions): Promise<void> {
    await this.#http.request({ method: 'PUT', path: membershipPath(segmentId, contactId), options });
  }

  /**
   * Removes one contact from a segment; removing a non-member is not an error. Resolves with `undefined`.
   *
   * @throws {NotFoundError} when the segment or the contact is not in this workspace.
   */
  async removeContact(segmentId: string, contactId: string, options?: RequestOptions): Promise<void> {
    await this.#http.request({ method: 'DELETE', path: membershipPath(segmentId, contactId), options });
  }
}

function membershipPath(segmentId: string, contactId: string): string {
  const segment = pathSegment(segmentId, 'segmentId');
  return `/api/v1/segments/${segment}/contacts/${pathSegment(contactId, 'contactId')}`;
}
