import type { HttpClient, RequestOptions } from '../http.js';
import { type PagePromise, type PageResponse, paginate } from '../pagination.js';
import type { Contact, ContactCreateParams, ContactListParams, ContactUpdateParams } from '../types.js';
import { pathSegment, toWire } from '../wire.js';

/** The contacts of the API key's workspace: `ps.contacts`. */
export class Contacts {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Lists contacts, newest first. Await it for the first page, or iterate it with `for await` to get
   * every contact across all pages.
   *
   * @throws {ValidationError} on a malformed `cursor`, `limit`, `status` or `segment_id`.
   * @throws {NotFoundError} when `segment_id` is not a segment of this workspace.
   */
  list(params: ContactListParams = {}, options?: RequestOptions): PagePromise<Contact> {
    return paginate(async (cursor) => {
      const query = toWire(cursor === undefined ? params : { ...params, cursor });
      return this.#http.request<PageResponse<Contact>>({
        method: 'GET',
        path: '/api/v1/contacts',
        query,
        options,
      });
    });
  }

  /**
   * Creates a contact. The request carries an `Idempotency-Key`, so the SDK's retries never create it twice.
   *
   * @throws {ValidationError} when `email` is missing or a field is invalid (`param` names it).
   * @throws {ConflictError} when a contact with this email (compared case-insensitively) already exists.
   */
  async create(params: ContactCreateParams, options?: RequestOptions): Promise<Contact> {
    return this.#http.request({ method: 'POST', path: '/api/v1/contacts', body: toWire(params), options });
  }

  /**
   * Fetches one contact.
   *
   * @throws {NotFoundError} when there is no such contact in this workspace.
   */
  async get(id: string, options?: RequestOptions): Promise<Contact> {
    return this.#http.request({ method: 'GET', path: `/api/v1/contacts/${pathSegment(id, 'id')}`, options });
  }

  /**
   * Changes the given fields; `properties` is merged into the stored ones, not replaced.
   *
   * @throws {ValidationError} when a field is invalid, or on an attempt to change the email.
   * @throws {NotFoundError} when there is no such contact in this workspace.
   */
  async update(id: string, params: ContactUpdateParams = {}, options?: RequestOptions): Promise<Contact> {
    const path = `/api/v1/contacts/${pathSegment(id, 'id')}`;
    return this.#http.request({ method: 'PATCH', path, body: toWire(params), options });
  }

  /**
   * Deletes a contact and its segment memberships, permanently. Resolves with `undefined`.
   *
   * @throws {NotFoundError} when there is no such contact in this workspace.
   */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.#http.request({
      method: 'DELETE',
      path: `/api/v1/contacts/${pathSegment(id, 'id')}`,
      options,
    });
  }
}
