/**
 * Generated from the OpenAPI document by `pnpm openapi:types` (openapi-typescript). Do not edit:
 * change the REST route table or its schemas and run the script again.
 */

export interface paths {
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts
         * @description Newest first (`created_at`, then `id`, descending), paginated by cursor. Filters combine with each other and with pagination; unknown query parameters are ignored, a known one given twice is refused.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact
         * @description The email must be new to the workspace, in any case (`Jane@X.com` conflicts with `jane@x.com`): a duplicate is `409 conflict` with `param: "email"`.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact
         * @description An unknown id, a malformed one and another workspace's are all `404 not_found`.
         */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /**
         * Delete a contact
         * @description Removes the contact and its segment memberships, permanently.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update a contact
         * @description Every field is optional; `{}` changes nothing and returns the contact. `properties` merge key by key, atomically: concurrent updates of different keys lose nothing. `email` cannot change (`400 invalid_field`).
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List segments
         * @description Newest first, paginated by cursor like contacts.
         */
        get: operations["listSegments"];
        put?: never;
        /**
         * Create a segment
         * @description A static segment: its members are managed through the membership operations.
         */
        post: operations["createSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a segment
         * @description An unknown id, a malformed one and another workspace's are all `404 not_found`.
         */
        get: operations["getSegment"];
        put?: never;
        post?: never;
        /**
         * Delete a segment
         * @description Its memberships go; its contacts stay.
         */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        /**
         * Update a segment
         * @description Every field is optional; `{}` changes nothing and returns the segment.
         */
        patch: operations["updateSegment"];
        trace?: never;
    };
    "/api/v1/segments/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add contacts to a segment
         * @description All or nothing: if any id is not a contact of this workspace the answer is `404 not_found` and nothing is added. A malformed id is `400 invalid_field` (`param: "contact_ids"`).
         */
        post: operations["addContactsToSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/contacts/{contact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a contact to a segment
         * @description Idempotent: adding a member again is `204` too. Both must be in the workspace.
         */
        put: operations["addContactToSegment"];
        post?: never;
        /**
         * Remove a contact from a segment
         * @description Idempotent: removing a non-member is `204` too. Both must be in the workspace.
         */
        delete: operations["removeContactFromSegment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddContacts: {
            /** @description 1 to 1000 contact ids; repeats count once. */
            contact_ids: string[];
        };
        /**
         * @example {
         *       "added": 2
         *     }
         */
        AddContactsResult: {
            /** @description How many contacts were newly added; existing members and repeated ids do not count. */
            added: number;
        };
        /**
         * @description A contact of the workspace.
         * @example {
         *       "id": "6f1c7a52-3d8e-4b0f-9a61-2c5d8e7f9a10",
         *       "email": "jane@example.com",
         *       "first_name": "Jane",
         *       "last_name": "Doe",
         *       "status": "subscribed",
         *       "properties": {
         *         "city": "Seattle"
         *       },
         *       "created_at": "2026-11-26T13:00:00.000Z",
         *       "updated_at": "2026-11-26T13:00:00.000Z"
         *     }
         */
        Contact: {
            /**
             * Format: date-time
             * @description Creation time: ISO-8601 in UTC, with millisecond precision.
             */
            created_at: string;
            /**
             * @description The address as given at creation (trimmed, case kept). Unique per workspace, compared case-insensitively; never changes.
             * @example jane@example.com
             */
            email: string;
            /** @example Jane */
            first_name: string | null;
            /**
             * Format: uuid
             * @description The contact's id (a UUID).
             */
            id: string;
            /** @example Doe */
            last_name: string | null;
            /**
             * @description Your own metadata: a JSON object (key order is not preserved).
             * @example {
             *       "city": "Seattle"
             *     }
             */
            properties: {
                [key: string]: unknown;
            };
            status: components["schemas"]["ContactStatus"];
            /**
             * Format: date-time
             * @description Last change: ISO-8601 in UTC, with millisecond precision.
             */
            updated_at: string;
        };
        ContactCreate: {
            /**
             * @description Required; trimmed, at most 254 characters. Compared case-insensitively: unique per workspace.
             * @example jane@example.com
             */
            email: string;
            /** @description At most 256 characters, or null. */
            first_name?: string | null;
            /** @description At most 256 characters, or null. */
            last_name?: string | null;
            /**
             * @description A JSON object: at most 100 keys of 1–100 characters, 16 KiB as JSON. A key set to null is left out.
             * @example {
             *       "city": "Seattle",
             *       "plan": {
             *         "tier": "pro"
             *       }
             *     }
             */
            properties?: {
                [key: string]: unknown;
            };
            /**
             * @description Defaults to `subscribed`.
             * @enum {string}
             */
            status?: "subscribed" | "unsubscribed";
        };
        /**
         * @description A page of contacts.
         * @example {
         *       "data": [
         *         {
         *           "id": "6f1c7a52-3d8e-4b0f-9a61-2c5d8e7f9a10",
         *           "email": "jane@example.com",
         *           "first_name": "Jane",
         *           "last_name": "Doe",
         *           "status": "subscribed",
         *           "properties": {
         *             "city": "Seattle"
         *           },
         *           "created_at": "2026-11-26T13:00:00.000Z",
         *           "updated_at": "2026-11-26T13:00:00.000Z"
         *         }
         *       ],
         *       "has_more": true,
         *       "next_cursor": "eyJ0IjoiMjAyNi0xMS0yNlQxMz…"
         *     }
         */
        ContactList: {
            /** @description The contacts of this page, newest first. */
            data: components["schemas"]["Contact"][];
            /** @description Whether another page follows. */
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page; null when `has_more` is false. Opaque. */
            next_cursor: string | null;
        };
        /**
         * @description Whether the contact receives email: exactly `subscribed` or `unsubscribed`.
         * @enum {string}
         */
        ContactStatus: "subscribed" | "unsubscribed";
        ContactUpdate: {
            /** @description Refused: an email never changes after creation. */
            email?: unknown;
            /** @description At most 256 characters, or null. */
            first_name?: string | null;
            /** @description At most 256 characters, or null. */
            last_name?: string | null;
            /**
             * @description Merged into the stored object key by key: a key set to null is removed, keys not mentioned stay. The merged object must keep the limits.
             * @example {
             *       "city": "Seattle",
             *       "plan": {
             *         "tier": "pro"
             *       }
             *     }
             */
            properties?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status?: "subscribed" | "unsubscribed";
        };
        /** @description Every error is this envelope, with `request_id` equal to the `X-Request-Id` header. */
        Error: {
            error: {
                /**
                 * @description Stable, machine-readable; branch on this.
                 * @enum {string}
                 */
                code: "invalid_request" | "missing_field" | "invalid_field" | "unauthorized" | "not_found" | "method_not_allowed" | "conflict" | "idempotency_conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal_error";
                /** @description For humans; may change. */
                message: string;
                /** @description The field or query parameter the error is about, as you named it; only for such errors. */
                param?: string;
                /** @description Equal to the `X-Request-Id` header; quote it to support. */
                request_id: string;
            };
        };
        /**
         * @description A static segment: a named set of contacts.
         * @example {
         *       "id": "0b8e4c2a-7f31-4d6e-8a95-1e3f5b7c9d20",
         *       "name": "Pro customers",
         *       "description": "Everyone on a paid plan.",
         *       "created_at": "2026-11-26T13:00:00.000Z",
         *       "updated_at": "2026-11-26T13:00:00.000Z"
         *     }
         */
        Segment: {
            /**
             * Format: date-time
             * @description Creation time: ISO-8601 in UTC, with millisecond precision.
             */
            created_at: string;
            /** @example Everyone on a paid plan. */
            description: string | null;
            /**
             * Format: uuid
             * @description The segment's id (a UUID).
             */
            id: string;
            /**
             * @description Need not be unique.
             * @example Pro customers
             */
            name: string;
            /**
             * Format: date-time
             * @description Last change: ISO-8601 in UTC, with millisecond precision.
             */
            updated_at: string;
        };
        SegmentCreate: {
            /** @description At most 1000 characters, or null. */
            description?: string | null;
            /**
             * @description 1 to 200 characters; need not be unique.
             * @example Pro customers
             */
            name: string;
        };
        /**
         * @description A page of segments.
         * @example {
         *       "data": [
         *         {
         *           "id": "0b8e4c2a-7f31-4d6e-8a95-1e3f5b7c9d20",
         *           "name": "Pro customers",
         *           "description": "Everyone on a paid plan.",
         *           "created_at": "2026-11-26T13:00:00.000Z",
         *           "updated_at": "2026-11-26T13:00:00.000Z"
         *         }
         *       ],
         *       "has_more": true,
         *       "next_cursor": "eyJ0IjoiMjAyNi0xMS0yNlQxMz…"
         *     }
         */
        SegmentList: {
            /** @description The segments of this page, newest first. */
            data: components["schemas"]["Segment"][];
            /** @description Whether another page follows. */
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page; null when `has_more` is false. Opaque. */
            next_cursor: string | null;
        };
        SegmentUpdate: {
            /** @description At most 1000 characters, or null. */
            description?: string | null;
            /**
             * @description 1 to 200 characters; need not be unique.
             * @example Pro customers
             */
            name?: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes a retry safe: the same key with the same body within 24 hours replays the first response. The same key with another body is `409 idempotency_conflict`. */
        "Idempotency-Key": string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the stored response of an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description Always `Bearer`. */
        "WWW-Authenticate": string;
        /** @description The request id (`req_` and 24 hex digits); an error envelope carries the same. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listContacts: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size: default 50; larger than 100 is clamped. */
                limit?: number;
                /** @description A case-insensitive substring of the email, taken literally (`%` and `_` are ordinary characters). */
                search?: string;
                /** @description Only members of this segment; an unknown segment is 404. */
                segment_id?: string;
                /** @description Only contacts with this status. */
                status?: "subscribed" | "unsubscribed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            /** @description `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body within 24 hours replays the first response. The same key with another body is `409 idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `invalid_request`: the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed). `missing_field`: a required field is absent; `param` names it. `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a contact with this email already exists in the workspace, in any case (`param: "email"`). `idempotency_conflict`: the `Idempotency-Key` was used with a different request, or its first request is still running. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is over 1 MiB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: a body is sent without `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            /** @description `invalid_request`: the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed). `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is over 1 MiB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: a body is sent without `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: string;
                /** @description Page size: default 50; larger than 100 is clamped. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentList"];
                };
            };
            /** @description `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSegment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body within 24 hours replays the first response. The same key with another body is `409 idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description `invalid_request`: the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed). `missing_field`: a required field is absent; `param` names it. `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `idempotency_conflict`: the `Idempotency-Key` was used with a different request, or its first request is still running. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is over 1 MiB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: a body is sent without `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentUpdate"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description `invalid_request`: the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed). `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is over 1 MiB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: a body is sent without `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addContactsToSegment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body within 24 hours replays the first response. The same key with another body is `409 idempotency_conflict`. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddContacts"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddContactsResult"];
                };
            };
            /** @description `invalid_request`: the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed). `missing_field`: a required field is absent; `param` names it. `invalid_field`: a field or query parameter is present but invalid, or a body field is unknown; `param` names it. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `idempotency_conflict`: the `Idempotency-Key` was used with a different request, or its first request is still running. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `payload_too_large`: the body is over 1 MiB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unsupported_media_type`: a body is sent without `Content-Type: application/json`. */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addContactToSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id. A malformed id is `404 not_found`. */
                contact_id: string;
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeContactFromSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contact's id. A malformed id is `404 not_found`. */
                contact_id: string;
                /** @description The segment's id. A malformed id is `404 not_found`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `unauthorized`: the API key is missing, unknown or revoked. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such resource in this workspace (another workspace's looks the same). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: over the key's rate limit; `Retry-After` says when to retry. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `internal_error`: something unexpected failed on our side; safe to retry. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
