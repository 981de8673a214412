// A worker thread of a parallel experiment: builds the model once, then runs the chunks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { buildPlantModel } from '../model/plantModel.js';
import { AccessLayer } from '../net/AccessLayer.js';
import { runRecord, type RunRecord } from './runs.js';
import { errorMessage, type Chunk, type FromWorker, type WorkerInit } from './workerProtocol.js';

const PROGRESS_EVERY = 10;
const init = workerData as WorkerInit;
const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

try {
  const model = buildPlantModel(init.scenario);
  const attack = init.scenario.attacks.find((a) => a.id === init.attackId)!;
  const layers = init.designIds.map((id) => new AccessLayer(model, init.scenario.designs.find((d) => d.id === id)!));
  port.on('message', (chunk: Chunk) => {
    try {
      const records: RunRecord[] = [];
      let unreported = 0;
      for (let i = chunk.from; i < chunk.to; i++) {
        records.push(runRecord(model, layers[chunk.design]!, attack, init.seed, i, init.horizonHours ?? undefined));
        if (++unreported === PROGRESS_EVERY || i === chunk.to - 1) {
          send({ type: 'runs', count: unreported });
          unreported = 0;
        }
      }
      send({ type: 'chunk', id: chunk.id, records });
    } catch (err) {
      send(errorMessage(err));
    }
  });
} catch (err) {
  send(errorMessage(err));
}
