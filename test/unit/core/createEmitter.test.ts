import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../../../src/core/createEmitter.ts';

interface Events {
  'file-added': { name: string };
  'queue-drained': { delivered: number };
}

describe('createEmitter', () => {
  it('delivers each payload to the handlers of its event only', () => {
    const events = createEmitter<Events>();
    const added = vi.fn();
    const drained = vi.fn();
    events.on('file-added', added);
    events.on('queue-drained', drained);
    events.emit('file-added', { name: 'a' });
    expect(added).toHaveBeenCalledWith({ name: 'a' });
    expect(drained).not.toHaveBeenCalled();
  });

  it('stops calling a handler after off or the returned unsubscribe', () => {
    const events = createEmitter<Events>();
    const a = vi.fn();
    const b = vi.fn();
    const offA = events.on('file-added', a);
    events.on('file-added', b);
    offA();
    events.off('file-added', b);
    events.emit('file-added', { name: 'x' });
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });

  it('keeps calling the other handlers when one throws, and logs it with the project prefix', () => {
    const events = createEmitter<Events>();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    events.on('file-added', () => {
      throw new Error('broken toast');
    });
    events.on('file-added', after);
    events.emit('file-added', { name: 'x' });
    expect(after).toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('[chat-drop]'),
      'file-added',
      expect.stringContaining('broken toast'),
    );
    error.mockRestore();
  });

  it('logs a failing handler as one scrubbed line, never the error object (it may carry auth)', () => {
    const events = createEmitter<Events>();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = 'f00dfeedf00dfeedf00dfeedf00dfeed';
    events.on('file-added', () => {
      throw Object.assign(new Error(`call failed: /rest/im.v2.File.upload?auth=${token}`), {
        code: 'NETWORK_ERROR',
        requestInfo: { params: { auth: token, REFRESH_ID: token } },
      });
    });
    events.emit('file-added', { name: 'x' });
    expect(log).toHaveBeenCalledTimes(1);
    const args = log.mock.calls[0]!;
    for (const arg of args) expect(typeof arg).toBe('string');
    expect(args.join(' ')).not.toContain(token);
    expect(args.join(' ')).toContain('NETWORK_ERROR');
    log.mockRestore();
  });

  it('drops every handler on clear', () => {
    const events = createEmitter<Events>();
    const a = vi.fn();
    events.on('queue-drained', a);
    events.clear();
    events.emit('queue-drained', { delivered: 1 });
    expect(a).not.toHaveBeenCalled();
  });
});
