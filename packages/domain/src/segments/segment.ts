export interface Segment {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSegmentInput {
  name: string;
  description?: string | null;
}

export interface SegmentChanges {
  name?: string;
  description?: string | null;
}
