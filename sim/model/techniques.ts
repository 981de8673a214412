// The ATT&CK for ICS (v18) techniques the attacker agent uses, with default parameters a scenario
// may override, and what the simulation does with each. Durations in simulated hours;
// observability = how visible one use is to a sensor.
import type { Distribution } from '../kernel/distributions.js';

export type Tactic =
  | 'initial-access'
  | 'discovery'
  | 'collection'
  | 'lateral-movement'
  | 'privilege-escalation'
  | 'execution'
  | 'inhibit-response'
  | 'impair-process-control'
  | 'impact';

/**
 * A part a technique plays in the simulation. The engine asks the catalog which technique plays a
 * part; it never names a technique id.
 */
export type TechniqueUse =
  /** Opens a VPN tunnel or a brokered session with an account the attacker holds. */
  | 'remote-login'
  /** Reaches a device exposed to the internet. */
  | 'internet-entry'
  /** Owns the host whose user opened the attachment. */
  | 'phishing-entry'
  /** Lists the hosts a foothold reaches on the network; an OT IDS in the zone sees it. */
  | 'network-scan'
  /** Lists what a brokered session may reach: a session gives no address to scan from. */
  | 'session-enumeration'
  /** Makes an owned host a foothold the attacker runs tools on. */
  | 'tool-transfer'
  /** A connection a brokered grant allows. */
  | 'granted-connection'
  /** Logging on to a host by any means: a scripted step of it takes any move that owns a host. */
  | 'logon'
  /** What a refused connection attempt counts as. */
  | 'connection-attempt'
  /** Exploiting a vulnerability of a service. */
  | 'exploit'
  /** Commanding a controller over a protocol without authentication. */
  | 'unauthenticated-command'
  /** Downloading a controller's program with its project password. */
  | 'project-download'
  /** Logging on with a vendor's default password. */
  | 'default-credential'
  /** Logging on with a valid account. */
  | 'valid-account'
  /** A scripted step of it takes any move that commands a controller. */
  | 'command-controller'
  /** A commanded controller takes its production line down. */
  | 'line-impact'
  /**
   * Reading a credential cached on an owned host. By default it takes no time and always works: it
   * rides the step that gave the host the privilege, unseen and uncounted on its own; a scenario
   * that gives its technique a duration or a probability below 1 makes it a step of its own.
   */
  | 'credential-harvest'
  /** Reading a document on a host (owned, or over a file transfer): the hosts and credentials it names. */
  | 'read-knowledge'
  /** A user on an owned host becomes administrator through a local vulnerability. */
  | 'privilege-escalation';

export interface Technique {
  id: string;
  name: string;
  tactic: Tactic;
  duration: Distribution;
  probability: number;
  observability: number;
  /** The parts it plays; none for techniques only a scripted playbook names. */
  uses: readonly TechniqueUse[];
}

const tri = (min: number, mode: number, max: number): Distribution => ({ dist: 'triangular', min, mode, max });

export const TECHNIQUE_CATALOG: readonly Technique[] = [
  {
    id: 'T0822',
    name: 'External Remote Services',
    tactic: 'initial-access',
    duration: tri(0.05, 0.1, 0.5),
    probability: 1,
    observability: 0.5,
    uses: ['remote-login'],
  },
  {
    id: 'T0883',
    name: 'Internet Accessible Device',
    tactic: 'initial-access',
    duration: tri(0.5, 2, 8),
    probability: 1,
    observability: 0.3,
    uses: ['internet-entry'],
  },
  {
    id: 'T0819',
    name: 'Exploit Public-Facing Application',
    tactic: 'initial-access',
    duration: tri(1, 4, 12),
    probability: 0.5,
    observability: 0.5,
    uses: [],
  },
  {
    id: 'T0864',
    name: 'Transient Cyber Asset',
    tactic: 'initial-access',
    duration: tri(0.05, 0.1, 0.5),
    probability: 1,
    observability: 0.2,
    uses: [],
  },
  {
    id: 'T0865',
    name: 'Spearphishing Attachment',
    tactic: 'initial-access',
    duration: tri(1, 6, 24),
    probability: 1,
    observability: 0.3,
    uses: ['phishing-entry'],
  },
  {
    id: 'T0846',
    name: 'Remote System Discovery',
    tactic: 'discovery',
    duration: tri(0.1, 0.5, 2),
    probability: 1,
    observability: 0.6,
    uses: ['network-scan'],
  },
  {
    id: 'T0840',
    name: 'Network Connection Enumeration',
    tactic: 'discovery',
    duration: tri(0.1, 0.25, 1),
    probability: 1,
    observability: 0.2,
    uses: ['session-enumeration'],
  },
  {
    id: 'T0842',
    name: 'Network Sniffing',
    tactic: 'discovery',
    duration: tri(0.5, 2, 6),
    probability: 1,
    observability: 0.1,
    uses: [],
  },
  {
    id: 'T0859',
    name: 'Valid Accounts',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.25, 1),
    probability: 0.95,
    observability: 0.2,
    uses: ['valid-account'],
  },
  {
    id: 'T0812',
    name: 'Default Credentials',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.25, 1),
    probability: 0.9,
    observability: 0.3,
    uses: ['default-credential'],
  },
  {
    id: 'T0893',
    name: 'Data from Local System',
    tactic: 'collection',
    duration: { dist: 'constant', value: 0 },
    probability: 1,
    observability: 0.2,
    uses: ['credential-harvest'],
  },
  {
    id: 'T0811',
    name: 'Data from Information Repositories',
    tactic: 'collection',
    duration: tri(0.1, 0.5, 2),
    probability: 1,
    observability: 0.1,
    uses: ['read-knowledge'],
  },
  {
    id: 'T0890',
    name: 'Exploitation for Privilege Escalation',
    tactic: 'privilege-escalation',
    duration: tri(0.25, 1, 4),
    probability: 0.8,
    observability: 0.4,
    uses: ['privilege-escalation'],
  },
  {
    id: 'T0891',
    name: 'Hardcoded Credentials',
    tactic: 'lateral-movement',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.3,
    uses: [],
  },
  {
    id: 'T0886',
    name: 'Remote Services',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.2, 1),
    probability: 0.95,
    observability: 0.3,
    uses: ['granted-connection', 'logon', 'connection-attempt'],
  },
  {
    id: 'T0866',
    name: 'Exploitation of Remote Services',
    tactic: 'lateral-movement',
    duration: tri(0.5, 2, 8),
    probability: 0.5,
    observability: 0.6,
    uses: ['exploit'],
  },
  {
    id: 'T0867',
    name: 'Lateral Tool Transfer',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.2, 1),
    probability: 0.95,
    observability: 0.4,
    uses: ['tool-transfer'],
  },
  {
    id: 'T0843',
    name: 'Program Download',
    tactic: 'lateral-movement',
    duration: tri(0.25, 1, 3),
    probability: 0.8,
    observability: 0.7,
    uses: ['project-download', 'command-controller'],
  },
  {
    id: 'T0855',
    name: 'Unauthorized Command Message',
    tactic: 'impair-process-control',
    duration: tri(0.05, 0.2, 1),
    probability: 0.9,
    observability: 0.5,
    uses: ['unauthenticated-command', 'command-controller'],
  },
  {
    id: 'T0836',
    name: 'Modify Parameter',
    tactic: 'impair-process-control',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.5,
    uses: ['command-controller'],
  },
  {
    id: 'T0816',
    name: 'Device Restart/Shutdown',
    tactic: 'inhibit-response',
    duration: tri(0.05, 0.1, 0.5),
    probability: 0.95,
    observability: 0.8,
    uses: ['command-controller'],
  },
  {
    id: 'T0831',
    name: 'Manipulation of Control',
    tactic: 'impact',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.5,
    uses: ['line-impact', 'command-controller'],
  },
  {
    id: 'T0828',
    name: 'Loss of Productivity and Revenue',
    tactic: 'impact',
    duration: { dist: 'constant', value: 0 },
    probability: 1,
    observability: 1,
    uses: ['command-controller'],
  },
];
