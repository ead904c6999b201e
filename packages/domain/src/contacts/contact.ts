import type { ContactStatus } from '../fields.js';
import type { Properties } from './properties.js';

export interface Contact {
  id: string;
  workspaceId: string;
  /** As given at creation, trimmed; compared case-insensitively; never changes. */
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: ContactStatus;
  properties: Properties;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewContactInput {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  status?: ContactStatus;
  properties?: Properties;
}

export interface ContactChanges {
  firstName?: string | null;
  lastName?: string | null;
  status?: ContactStatus;
  properties?: Properties;
}

export interface ContactListFilters {
  status?: ContactStatus;
  /** Case-insensitive substring of the email, taken literally. */
  search?: string;
  segmentId?: string;
}
