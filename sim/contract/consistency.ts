// Does a bundle hold together? Every zone, line and asset it names exists in its plant, and the
// lists the viewer walks are lists: a bundle edited by hand or by another tool gets a message
// naming the first problem instead of a page that fails half drawn.

/** The first inconsistency as "where: what", or null when there is none. */
export function firstInconsistency(bundle: {
  plant: { zones: unknown[]; lines?: unknown; assets: unknown[] };
  designs: unknown[];
}): string | null {
  const { plant } = bundle;
  const zones = idsOf(plant.zones);
  if (typeof zones === 'string') return `plant.zones${zones}`;
  const lines = Array.isArray(plant.lines) ? idsOf(plant.lines) : 'is not a list';
  if (typeof lines === 'string') return `plant.lines${lines === 'is not a list' ? ` ${lines}` : lines}`;
  const assets = idsOf(plant.assets);
  if (typeof assets === 'string') return `plant.assets${assets}`;
  for (const [i, raw] of plant.assets.entries()) {
    const a = raw as { id: string; zone?: unknown; line?: unknown; dualHomed?: unknown };
    const at = `plant.assets[${i}] (${a.id})`;
    if (typeof a.zone !== 'string' || !zones.has(a.zone))
      return `${at}: zone ${JSON.stringify(a.zone)} is not a zone of the plant`;
    if (a.line !== null && a.line !== undefined && (typeof a.line !== 'string' || !lines.has(a.line)))
      return `${at}: line ${JSON.stringify(a.line)} is not a line of the plant`;
    if (!Array.isArray(a.dualHomed) || a.dualHomed.some((z) => typeof z !== 'string' || !zones.has(z)))
      return `${at}: dualHomed must list zones of the plant`;
  }
  for (const [i, raw] of bundle.designs.entries()) {
    const d = raw as { id?: unknown; staticBlastRadius?: { assets?: unknown; paths?: unknown } };
    const at = `designs[${i}]${typeof d.id === 'string' ? ` (${d.id})` : ''}`;
    if (typeof d.id !== 'string') return `${at}: has no id`;
    const radius = d.staticBlastRadius;
    if (typeof radius !== 'object' || radius === null) return `${at}: has no staticBlastRadius`;
    if (!Array.isArray(radius.assets) || radius.assets.some((x) => typeof x !== 'string' || !assets.has(x)))
      return `${at}.staticBlastRadius.assets must list assets of the plant`;
    if (typeof radius.paths !== 'object' || radius.paths === null)
      return `${at}.staticBlastRadius.paths is not an object`;
    for (const [asset, path] of Object.entries(radius.paths))
      if (!Array.isArray(path)) return `${at}.staticBlastRadius.paths.${asset} is not a list of steps`;
  }
  return null;
}

/** The ids of a list of objects, or what is wrong with it (starting with "[i]" or a space). */
function idsOf(list: unknown[]): Set<string> | string {
  if (!Array.isArray(list)) return ' is not a list';
  const ids = new Set<string>();
  for (const [i, item] of list.entries()) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return `[${i}] has no id`;
    if (ids.has(id)) return `[${i}]: id "${id}" is used twice`;
    ids.add(id);
  }
  return ids;
}
