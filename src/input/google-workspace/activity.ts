import { getPath, isObject, quoteValue, text, type JsonObject } from '../fields.js';
import { ACTIVITY, EVENT, EVENT_PRIORITY, PARAMETER_VALUE_KEYS } from './fields.js';

/**
 * The events of an activity, whichever layout it came in: the API's `events` array, Elastic's single
 * `events` object (one activity per event), or Panther's flattening with `name`, `type` and `parameters`
 * on the activity itself.
 */
export function eventsOf(activity: JsonObject): JsonObject[] | { skip: string } {
  const events = activity[ACTIVITY.events];
  if (Array.isArray(events)) {
    const objects = events.filter(isObject);
    return objects.length > 0 ? objects : { skip: `activity has no event (events: ${quoteValue(events)})` };
  }
  if (isObject(events)) return [events];
  if (events !== undefined) return { skip: `activity has no event (events: ${quoteValue(events)})` };
  if (activity[EVENT.name] !== undefined || activity[EVENT.type] !== undefined) return [activity];
  return { skip: 'activity has no event (no events, name or type)' };
}

/** The event that says most about the session; the first one when none is a sign-in, sign-out or grant. */
export function pickEvent(events: readonly JsonObject[]): JsonObject {
  for (const wanted of EVENT_PRIORITY) {
    const found = events.find((e) => text(e[EVENT.name]) === wanted);
    if (found) return found;
  }
  return events[0]!;
}

/** A parameter's value from the API list (`[{name, value|boolValue|intValue|multiValue}]`) or a name → value map. */
export function parameter(event: JsonObject, name: string): unknown {
  const parameters = getPath(event, EVENT.parameters);
  if (isObject(parameters)) return parameters[name];
  if (!Array.isArray(parameters)) return undefined;
  for (const entry of parameters) {
    if (!isObject(entry) || entry.name !== name) continue;
    for (const key of PARAMETER_VALUE_KEYS) {
      if (entry[key] !== undefined) return entry[key];
    }
  }
  return undefined;
}

/** A parameter as text; a multi-value parameter gives its first value. */
export function parameterText(event: JsonObject, name: string): string | undefined {
  const value = parameter(event, name);
  return text(Array.isArray(value) ? value[0] : value);
}
