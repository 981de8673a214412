// Small scenarios from the hardening probe: valid in shape, odd in their numbers.
export const VPN_PLANT = `
plant:
  zones: [{ id: dmz, level: 3.5, subnet: 10.20.0.0/24 }]
  lines: [{ id: l1, valuePerHour: VALUE }]
  assets:
    - { id: gw, kind: vpn-concentrator, zone: dmz, ip: 10.20.0.10, services: [https] }
    - { id: zc, kind: zt-connector, zone: dmz, ip: 10.20.0.12, services: [https] }
    - id: h
      kind: plc
      zone: dmz
      line: l1
      ip: 10.20.0.11
      services: [rdp, modbus]
      vulnerabilities: [{ id: V1, service: rdp, effect: code-execution, probability: 1, timeToExploit: EXPLOIT }]
identities:
  users: [{ id: u, org: oem }]
  devices: [{ id: lap, owner: u, credentials: [vpn] }]
  credentials: [{ id: vpn, kind: vpn-account, owners: [u] }]
designs:
  - id: v
    vpn: { concentrator: gw, pool: 10.99.0.0/24, routes: '*', accounts: [vpn], connectHours: CONNECT }
    sensors: [{ kind: vpn-log, probability: 1, delay: DELAY }]
    response: { time: 1, actions: [disable-vpn-account] }
  - id: z
    zt: { connectors: [zc], sweepHours: SWEEP, policy: { rules: [{ id: r, subjects: { users: [u] }, actions: ['*'], resources: ['*'] }] } }
attacks:
  - { id: a, initialAccess: { kind: stolen-credential, credential: vpn } }
workload: [{ id: w, user: u, device: lap, targets: [{ asset: h, action: modbus.read }], interarrival: INTERARRIVAL, duration: DURATION }]
horizonHours: HORIZON
`;

export interface OddNumbers {
  VALUE: string;
  EXPLOIT: string;
  CONNECT: string;
  DELAY: string;
  SWEEP: string;
  INTERARRIVAL: string;
  DURATION: string;
  HORIZON: string;
}

export const ORDINARY: OddNumbers = {
  VALUE: '1000',
  EXPLOIT: '1',
  CONNECT: '0.1',
  DELAY: '0.25',
  SWEEP: '0.25',
  INTERARRIVAL: '8',
  DURATION: '1',
  HORIZON: '72',
};

/** The scenario text with some of its numbers replaced. */
export function vpnPlant(numbers: Partial<OddNumbers> = {}): string {
  const all = { ...ORDINARY, ...numbers };
  return VPN_PLANT.replace(/\b(VALUE|EXPLOIT|CONNECT|DELAY|SWEEP|INTERARRIVAL|DURATION|HORIZON)\b/g, (k) =>
    String(all[k as keyof OddNumbers]),
  );
}
