// The scenario `segsim init` writes: a small plant with a VPN and a zero-trust design that
// validates, lints clean and passes its own expectation (test/cli/init.test.ts holds it to that).

export const STARTER_SCENARIO_FILE = 'plant.yaml';
export const SCHEMA_FILE = 'segsim.schema.json';

export const STARTER_SCENARIO = `# yaml-language-server: $schema=./segsim.schema.json
#
# A starter plant for segsim: one production line serviced remotely by a machine builder (OEM),
# reached today through a VPN into the DMZ and, in the second design, through zero-trust brokered
# access. Change it to your plant, then:
#   segsim validate plant.yaml      every problem with file:line:col
#   segsim compare plant.yaml       VPN vs zero trust under the first attack, 200 runs each
#   segsim lint plant.yaml          grants without approval, shared accounts, untested rules…
#   segsim check plant.yaml         the expectations at the end of this file
segsim: 1
name: Starter plant, one line serviced by its OEM
horizonHours: 72

plant:
  zones:                                        # Purdue levels: 4 IT, 3.5 DMZ, 3 site, 2 cell, 1 control
    - { id: enterprise, level: 4, subnet: 10.10.0.0/24 }
    - { id: dmz, level: 3.5, subnet: 10.20.0.0/24, securityLevel: 2 }
    - { id: site-ops, level: 3, subnet: 10.30.0.0/24, securityLevel: 2 }
    - { id: line1-sup, level: 2, subnet: 10.41.0.0/24, securityLevel: 2 }
    - { id: line1-ctl, level: 1, subnet: 10.41.1.0/24, securityLevel: 3 }
  lines:
    - { id: line1, name: Filling line, valuePerHour: 20000,      # lost per hour while disrupted
        recoveryHours: { dist: triangular, min: 4, mode: 8, max: 24 } }
  assets:
    - { id: office-pc, kind: it-workstation, zone: enterprise, ip: 10.10.0.21, services: [smb, rdp] }
    - { id: vpn-gw, kind: vpn-concentrator, zone: dmz, ip: 10.20.0.1, services: [https] }
    - { id: jump-host, kind: jump-host, zone: dmz, ip: 10.20.0.10, services: [rdp] }
    - { id: historian, kind: historian, zone: site-ops, ip: 10.30.0.20, services: [https, sql] }
    - { id: zt-connector, kind: zt-connector, zone: site-ops, ip: 10.30.0.5 }
    - { id: l1-hmi, kind: hmi, zone: line1-sup, line: line1, ip: 10.41.0.11, services: [vnc] }
    - { id: l1-ews, kind: ews, zone: line1-sup, line: line1, ip: 10.41.0.20, services: [rdp],
        credentials: [l1-plc-project] }         # the PLC project password, cached
    - { id: l1-plc1, kind: plc, zone: line1-ctl, line: line1, ip: 10.41.1.10, services: [s7] }
    - { id: l1-plc2, kind: plc, zone: line1-ctl, line: line1, ip: 10.41.1.11, services: [s7] }
  conduits:                                     # the firewall rules between zones
    - { from: enterprise, to: dmz, services: [https] }
    - { from: dmz, to: site-ops, services: [sql] }
    - { from: dmz, to: line1-sup, services: [vnc] }
    - { from: site-ops, to: line1-sup, services: [vnc, rdp] }
    - { from: site-ops, to: line1-ctl, services: [s7] }
    - { from: line1-sup, to: line1-ctl, services: [s7] }

identities:
  users:
    - { id: oem-tech, name: OEM service technician, org: oem, roles: [oem-technician], mfa: true }
    - { id: plant-eng, name: Plant engineer, org: internal, roles: [plant-engineer], mfa: true }
  devices:
    - { id: oem-laptop, owner: oem-tech, managed: true, posture: { patched: true },
        credentials: [oem-vpn, oem-tech-account] }   # a saved VPN profile and the technician's login
  credentials:
    - { id: oem-vpn, kind: vpn-account, owners: [oem-tech] }
    - { id: oem-tech-account, kind: user-account, owners: [oem-tech], mfaBound: true }
    - { id: l1-plc-project, kind: plc-project, opens: [{ line: line1, kind: plc }] }
    - { id: hmi-vnc-default, kind: default-password, opens: [{ kind: hmi }], protocols: [vnc] }  # never changed

windows:                                        # simulated hours; the run starts at 00:00
  - { id: maintenance, every: 24, start: 6, duration: 4 }

designs:
  - id: vpn
    name: OEM VPN to the DMZ and the line's HMI
    vpn: { concentrator: vpn-gw, pool: 10.99.0.0/24, routes: [dmz, line1-sup], services: [vnc],
           accounts: [oem-vpn], mfa: false }    # mfa: true would stop a phished password here
    sensors: [{ kind: vpn-log, probability: 0.05, delay: 1 }]
    response: { time: { dist: lognormal, median: 24, sigma: 0.8 }, actions: [disable-vpn-account] }

  - id: zt
    name: Zero-trust brokered access, line behind an enclave gateway
    internetFacing: false
    microSegmented: [line1-sup]
    gateways: [{ zone: line1-ctl }]             # the policy decides every connection into the zone
    zt:
      connectors: [zt-connector]
      sessionTtlHours: 4
      policy:
        rules:
          - id: oem-read-line1
            subjects: { roles: [oem-technician] }
            actions: [s7.read]                  # read, write and program are separate grants
            resources: [{ line: line1, kind: plc }]
            conditions: { mfa: true, managedDevice: true, window: maintenance }
          - id: oem-write-line1
            subjects: { roles: [oem-technician] }
            actions: [s7.write]
            resources: [{ line: line1, kind: plc }]
            conditions: { mfa: true, managedDevice: true, approval: { by: plant-engineer, validHours: 2 } }
          - id: line1-local
            description: The HMI and the EWS talk to their own PLCs through the gateway.
            subjects: { devices: [l1-hmi, l1-ews] }
            actions: [s7.read, s7.write]
            resources: [{ line: line1, kind: plc }]
        tests:
          - { name: the OEM reads in the window, user: oem-tech, device: oem-laptop, mfa: true, time: 7,
              accept: [l1-plc1:s7.read], deny: [l1-plc1:s7.write, l1-ews:rdp] }
          - { name: the OEM writes with an approval, user: oem-tech, device: oem-laptop, mfa: true, time: 14,
              approved: true, accept: [l1-plc2:s7.write] }
          - { name: the HMI drives its line, asset: l1-hmi, accept: [l1-plc1:s7.write] }
    sensors:
      - { kind: zt-telemetry, probability: 0.6, delay: { dist: exponential, mean: 0.5 } }
    response: { time: { dist: lognormal, median: 2, sigma: 0.6 }, actions: [revoke-sessions, lock-identity] }

attacks:
  - id: stolen-vendor-password
    name: The OEM's VPN password, phished
    initialAccess: { kind: stolen-credential, credential: oem-vpn, at: 2 }
  - id: compromised-oem-laptop
    name: Malware on the OEM laptop during a service session
    initialAccess: { kind: compromised-device, device: oem-laptop, liveSession: true, at: 7 }
    strategy: greedy

workload:
  - { id: oem-service, user: oem-tech, device: oem-laptop, targets: [{ asset: l1-plc1, action: s7.read }],
      interarrival: { dist: exponential, mean: 24 }, duration: { dist: triangular, min: 0.5, mode: 1, max: 3 } }

expect:
  - name: A stolen OEM password never reaches a PLC under zero trust
    design: zt
    attack: stolen-vendor-password
    neverCompromise: { kind: plc }
`;
