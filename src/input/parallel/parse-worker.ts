import { parentPort, workerData } from 'node:worker_threads';
import { readBlock, type LineContainer } from '../block.js';
import type { LogFormat } from '../format.js';
import { mappingSink } from '../map-record.js';
import type { RecordSink } from '../records/sink.js';
import { selectFormats } from '../select.js';
import { BlockStates } from './block-states.js';
import { EventEncoder, type EncodedBatch } from './codec.js';
import { BATCH_SIZE, type WorkerInput, type WorkerReply, type WorkerRequest } from './protocol.js';

/** Parses and maps the blocks it is sent, and replies with their events, encoded, and their skipped lines. */
function serve(input: WorkerInput, port: NonNullable<typeof parentPort>): void {
  const { formats } = selectFormats(input.choice);
  const encoder = new EventEncoder(BATCH_SIZE);
  const states = new BlockStates(input.states);
  let batches: EncodedBatch[] = [];
  let errors: [number, string][] = [];
  let file: { container: LineContainer; sink: RecordSink; maxRecordBytes: number } | undefined;

  const open = (path: string, formatId: string, container: LineContainer, maxRecordBytes: number): void => {
    const format: LogFormat | undefined = formats.find((f) => f.id === formatId);
    if (!format) throw new Error(`no format "${formatId}" in the worker`);
    const sink = mappingSink(format, path, input.choice.fieldMap, {
      event(event) {
        if (encoder.add(event)) batches.push(encoder.take());
      },
      error(line, reason) {
        errors.push([line, reason]);
      },
    });
    file = { container, sink, maxRecordBytes };
  };

  port.on('message', (request: WorkerRequest) => {
    try {
      if (request.type === 'recycle') {
        encoder.recycle(request.buffers);
        return;
      }
      if (request.type === 'file') {
        open(request.path, request.format, request.container, request.maxRecordBytes);
        return;
      }
      if (!file) throw new Error('a block came before its file');
      if (!states.start(request.slot)) {
        const skipped: WorkerReply = { type: 'block', id: request.id, skipped: true, batches: [], errors: [], lines: 0, ms: 0 };
        port.postMessage(skipped);
        return;
      }
      const t0 = performance.now();
      const bytes = new Uint8Array(request.bytes, request.offset, request.length);
      const next = readBlock(bytes, file.container, file.sink, 1, file.maxRecordBytes);
      if (encoder.length > 0) batches.push(encoder.take());
      const ms = performance.now() - t0;
      const reply: WorkerReply = { type: 'block', id: request.id, skipped: false, batches, errors, lines: next - 1, ms };
      port.postMessage(
        reply,
        batches.flatMap((b) => [b.numbers.buffer, b.slots.buffer, b.defSlots.buffer]),
      );
      batches = [];
      errors = [];
    } catch (err) {
      const reply: WorkerReply = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
      port.postMessage(reply);
    }
  });
}

if (parentPort) {
  serve(workerData as WorkerInput, parentPort);
  const ready: WorkerReply = { type: 'ready' };
  parentPort.postMessage(ready);
}
