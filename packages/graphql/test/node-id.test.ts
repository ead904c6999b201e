import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { encodeNodeId } from '../src/node-id.js';

describe('encodeNodeId', () => {
  it('encodes as the Relay plugin does', () => {
    const ids = [
      crypto.randomUUID(),
      crypto.randomUUID().toUpperCase(),
      '',
      'a:b',
      'é',
      '名前',
      '\u0000',
      '😀',
    ];
    for (const id of ids) {
      for (const typename of ['Contact', 'Segment']) {
        expect(encodeNodeId(typename, id), id).toBe(encodeGlobalID(typename, id));
      }
    }
  });
});
