// What each value of an enumerated scenario field means, for the JSON Schema: the catalog's
// vocabularies (asset kinds, protocols, protocol functions, mitigations) described from the
// catalog itself, the rest by field path as in fieldDescriptions.ts.
import {
  ACTION_NAMES,
  ACTIONS,
  ASSET_KIND_NAMES,
  ASSET_KINDS,
  MITIGATION_IDS,
  MITIGATIONS,
  PROTOCOL_NAMES,
  PROTOCOLS,
} from '../model/catalog.js';

const PROTOCOL_TITLES: Readonly<Record<string, string>> = {
  modbus: 'Modbus/TCP',
  s7: 'Siemens S7comm',
  enip: 'EtherNet/IP (CIP)',
  opcua: 'OPC UA',
  dnp3: 'DNP3',
  iec104: 'IEC 60870-5-104',
  rdp: 'Remote Desktop',
  ssh: 'Secure Shell',
  vnc: 'VNC remote screen',
  smb: 'Windows file sharing (SMB)',
  http: 'HTTP',
  https: 'HTTPS',
  sql: 'SQL database',
};

function protocolWords(p: keyof typeof PROTOCOLS): string {
  const info = PROTOCOLS[p];
  const how = info.unauthenticated
    ? 'no authentication: whoever reaches it can use it'
    : info.interactive
      ? 'remote logon: a valid host credential over it owns the host'
      : 'authenticated';
  return `${PROTOCOL_TITLES[p] ?? p}, port ${info.port}; ${how}`;
}

const LEVEL_WORDS = {
  read: 'read values',
  write: 'write values (change setpoints, start and stop)',
  program: 'download or change the controller program',
  session: 'an interactive session',
};

/** Descriptions of the values of a catalog vocabulary, when `values` is one. */
function catalogValues(values: readonly unknown[]): Record<string, string> | undefined {
  const same = (names: readonly string[]) => values.length === names.length && names.every((n, i) => values[i] === n);
  if (same(ASSET_KIND_NAMES))
    return Object.fromEntries(
      ASSET_KIND_NAMES.map((k) => {
        const info = ASSET_KINDS[k];
        const role = info.controller
          ? 'controls a physical process: commanding it impacts its line'
          : info.foothold
            ? 'a host an attacker can run tools on once owned'
            : 'network infrastructure, never a foothold';
        return [k, `${info.label}: ${role}`];
      }),
    );
  if (same(PROTOCOL_NAMES)) return Object.fromEntries(PROTOCOL_NAMES.map((p) => [p, protocolWords(p)]));
  if (same(ACTION_NAMES))
    return Object.fromEntries(
      ACTION_NAMES.map((a) => [a, `${PROTOCOL_TITLES[ACTIONS[a].protocol]}: ${LEVEL_WORDS[ACTIONS[a].level]}`]),
    );
  if (same(MITIGATION_IDS))
    return Object.fromEntries(MITIGATION_IDS.map((m) => [m, `ATT&CK for ICS mitigation: ${MITIGATIONS[m]}`]));
  return undefined;
}

const ORGS = {
  internal: 'Plant staff',
  oem: 'A machine builder servicing the equipment it sold',
  integrator: 'A system integrator working on the plant',
};

/** What each response action does, as a whole response's action or a playbook step's. */
const PLAYBOOK_ACTION_WORDS: Readonly<Record<string, string>> = {
  'isolate-host': 'Cut the hosts a detection implicated off the network (controllers stay connected)',
  'reimage-host': 'Rebuild the hosts a detection implicated: out of service, then back clean',
  'quarantine-zone': 'Close every conduit into and out of the zones named (or those a detection implicated)',
  'disable-account': 'Disable the VPN and user accounts named (or those a detection named)',
  'shut-vpn': 'Shut the VPN concentrator: no tunnel comes in',
  'shut-broker': 'Shut the zero-trust broker: no brokered session is granted',
  'revoke-sessions': 'Revoke the sessions of the identities a detection named, and refuse them new ones',
  'lock-identity': 'Lock the identities a detection named: sessions revoked, new ones refused',
  'disable-vpn-account': 'Disable the VPN accounts a detection named',
  'rotate-credentials':
    'Change the credentials known used or cached on the implicated hosts: the old ones stop working',
};

const PURDUE_LEVELS: Readonly<Record<string, string>> = {
  '0': 'Level 0: the physical process, sensors and actuators',
  '1': 'Level 1: basic control, PLCs and controllers',
  '2': 'Level 2: supervisory control, HMIs and engineering workstations',
  '3': 'Level 3: site operations, SCADA and historians',
  '3.5': 'Level 3.5: the IT/OT DMZ',
  '4': 'Level 4: site business network, enterprise IT',
  '5': 'Level 5: enterprise network, toward the internet',
};

/** Values of the smaller enumerations and of literal alternatives, by field path (longest key ending it). */
export const VALUE_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  segsim: { '1': 'Version 1 of the scenario format' },
  'plant.zones[].level': PURDUE_LEVELS,
  'plant.assets[].level': PURDUE_LEVELS,
  dist: {
    constant: 'Always `value` hours',
    uniform: 'Anywhere between `min` and `max`, evenly',
    triangular: 'Between `min` and `max`, most often near `mode`',
    exponential: 'Memoryless waiting time with this `mean`',
    lognormal: 'Skewed to the right: `median` and spread `sigma`',
  },
  'vulnerabilities[].effect': {
    'code-execution': 'Runs code on the host: owns it, or commands it if it is a controller',
    'auth-bypass': "Gets past the service's authentication: owns the host, or commands a controller",
    'credential-leak': 'Reveals the credentials stored on the host',
    'denial-of-service': 'Stops the service; it gives the attacker no access',
  },
  'plant.assets[].criticality': {
    low: 'Losing it hardly matters',
    medium: 'Losing it hurts',
    high: 'Losing it stops production or endangers people',
  },
  'conduits[].from': { '*': 'Every zone' },
  'conduits[].to': { '*': 'Every zone' },
  'conduits[].services': { any: 'Every service' },
  'designs[].vpn.services': { any: 'Every service' },
  'designs[].vpn.routes': { '*': 'Every zone' },
  'sensors[].zones': { '*': 'Every zone' },
  org: ORGS,
  orgs: ORGS,
  'identities.credentials[].kind': {
    'vpn-account': 'Opens a VPN tunnel',
    'user-account': 'A personal identity-provider login, used for zero-trust sessions',
    'host-logon': 'Logs on to hosts (RDP, SSH…): a local or domain account',
    'plc-project': 'A controller project password: program and write access to the PLCs it opens',
    'default-password': 'A vendor default never changed: anyone who knows the product knows it',
  },
  'identities.credentials[].rotation': {
    static: 'Never changes: a stolen copy keeps working',
    rotating: 'Changes regularly: a stolen copy stops working',
  },
  'rules[].effect': { allow: 'Allows when its conditions hold', deny: 'Denies whatever else allows' },
  'rules[].actions': { '*': 'Every protocol function' },
  'rules[].resources': { '*': 'Every asset' },
  'sensors[].kind': {
    'vpn-log': 'VPN logs: what comes in through the tunnel',
    'firewall-log': 'Firewall logs: traffic crossing into the zones it covers',
    'zt-telemetry': "The zero-trust broker's telemetry: every request its policy decision point decides",
    'ot-ids': 'OT intrusion detection: industrial protocol traffic and scans in the zones it covers',
    edr: 'Endpoint detection and response: actions on hosts in the zones it covers',
  },
  'response.actions': PLAYBOOK_ACTION_WORDS,
  'playbook[].action': PLAYBOOK_ACTION_WORDS,
  'initialAccess.kind': {
    'stolen-credential': 'A stolen credential (a VPN password, a login) used from outside',
    'compromised-device': "Malware on a user's device",
    insider: 'A user with legitimate access acts against the plant',
    'exposed-service': 'A host that answers from the internet',
    phishing: 'A phished user on a host inside the plant',
  },
  'attacks[].strategy': {
    spread: 'Breadth first, in the order it discovers targets',
    targeted: "The target line's controllers first (`target`), then its hosts, then whatever sits lowest on the way",
    greedy: 'Controllers of the most valuable lines first, then the hosts closest to the process',
  },
  'expect[].stat': {
    mean: 'Mean over the runs with a value',
    median: 'Median over the runs with a value',
    p95: '95th percentile over the runs with a value',
    max: 'Largest value of any run',
    min: 'Smallest value of any run',
  },
};

/** The description of each value, in order, for the enumeration at `path`; undefined where one is missing. */
export function describeValues(path: string, values: readonly unknown[]): string[] | undefined {
  const table = catalogValues(values) ?? longestEnding(VALUE_DESCRIPTIONS, path);
  if (table === undefined) return undefined;
  const out = values.map((v) => table[String(v)]);
  return out.every((d): d is string => d !== undefined) ? out : undefined;
}

/** The entry whose key is the longest that ends `path` at a segment boundary. */
export function longestEnding<T>(table: Readonly<Record<string, T>>, path: string): T | undefined {
  let best: string | undefined;
  for (const key of Object.keys(table))
    if ((path === key || path.endsWith(`.${key}`)) && (best === undefined || key.length > best.length)) best = key;
  return best === undefined ? undefined : table[best];
}
