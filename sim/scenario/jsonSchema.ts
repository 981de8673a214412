// JSON Schema of the scenario format, generated from the same zod schema that validates it.
import * as z from 'zod';
import { scenarioSchema } from '../model/schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://segsim.dev/schema/scenario-1.json', title: 'segsim scenario' };
}
