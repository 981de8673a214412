// live: the design's access path enforcing real connections on loopback, and an attack replayed
// through it and compared with the static blast radius.
import type { Command } from 'commander';
import type { Action } from '../../model/catalog.js';
import { sessionSubject } from '../../net/exposure.js';
import { LocalForward, login } from '../../live/client.js';
import { renderEndpoints, renderReplay } from '../../live/render.js';
import { replayAttack, testbedOptionsFor } from '../../live/replay.js';
import { credentialHello } from '../../live/serviceAuth.js';
import { Testbed, type TestbedOptions } from '../../live/Testbed.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { CliExit, usageError } from '../errors.js';
import { openScenario, pickAttack, pickDesign, type ScenarioContext } from '../scenarioContext.js';

interface LiveOpts {
  design?: string;
  attack?: string;
  list?: boolean;
  at?: string;
  key?: string;
  audit?: string;
  json?: boolean;
  forward?: string[];
  as?: string;
  credential?: string;
}

export function registerLive(program: Command): Command {
  return program
    .command('live')
    .description(
      "Start the plant's services and the design's VPN concentrator, zero-trust broker and enclave gateways on 127.0.0.1, deciding real connections with the same PDP and access logic as the simulator",
    )
    .argument('<scenario>', 'scenario YAML file')
    .option('-d, --design <id>', 'access design')
    .option('-a, --attack <id>', 'replay this attack as real connections, then compare with `segsim reach`')
    .option('--list', 'print the entry points and every service with its loopback port, then stop')
    .option('--at <hour>', 'scenario hour the testbed opens at (default 0, or the attack start)')
    .option('--key <hex>', 'the per-run key (64 hex digits) that signs tokens and derives passwords')
    .option('--audit <file>', 'write the hash-chained audit log (JSON lines) when the testbed stops')
    .option('--json', 'with --attack: print the replay as JSON')
    .option('--forward <asset:action...>', 'open local ports that tunnel to these services (with --as)')
    .option('--as <who>', "whose access --forward uses: 'vpn' (the VPN's first account) or a user id")
    .option('--credential <id>', 'with --forward: present this credential where a Modbus service asks for one')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim live scenarios/pharma.yaml -d vpn-flat -a stolen-vendor-credential
  $ segsim live scenarios/pharma.yaml -d zt -a compromised-vendor-laptop --audit live-audit.jsonl
  $ segsim live scenarios/pharma.yaml -d zt --list
  $ segsim live scenarios/pharma.yaml -d zt --at 7 --as oem-tech --forward l1-plc3:modbus.read

Without --attack or --list the testbed serves until Ctrl-C or SIGTERM. Exit status with
--attack: 0 the live and static (asset, action) sets agree, 1 they differ.`,
    )
    .action(async (file: string, opts: LiveOpts) => {
      const ctx = await openScenario(file);
      const design = pickDesign(ctx, opts.design);
      const attack = opts.attack === undefined ? undefined : pickAttack(ctx, opts.attack);
      const options: TestbedOptions = attack === undefined ? {} : testbedOptionsFor(attack);
      if (opts.at !== undefined) {
        const at = Number(opts.at);
        if (!(at >= 0)) throw usageError(`--at must be a non-negative number of hours, got "${opts.at}"`);
        options.startHour = at;
      }
      if (opts.key !== undefined) {
        if (!/^[0-9a-fA-F]{64}$/.test(opts.key)) throw usageError('--key must be 64 hex digits (32 bytes)');
        options.key = opts.key;
      }
      const forwards = parseForwards(ctx, opts);
      const bed = await Testbed.start(ctx.model, design, options);
      const stopped = new Promise<void>((resolve) => {
        const stop = (): void => void bed.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      try {
        if (opts.list) process.stdout.write(renderEndpoints(bed));
        else if (attack !== undefined) {
          const result = await replayAttack(bed, attack);
          process.stdout.write(
            opts.json ? `${JSON.stringify(result, null, 2)}\n` : renderReplay(result, bed.audit.log),
          );
          if (result.onlyLive.length > 0 || result.onlyStatic.length > 0) process.exitCode = 1;
        } else await serve(ctx, bed, forwards, opts.as, opts.credential, stopped);
      } finally {
        await bed.stop();
        if (opts.audit) writeFileAtomic(opts.audit, bed.audit.log.toJsonLines());
      }
    });
}

async function serve(
  ctx: ScenarioContext,
  bed: Testbed,
  forwards: { asset: string; action: Action }[],
  as: string | undefined,
  credential: string | undefined,
  stopped: Promise<void>,
): Promise<void> {
  const presents = credential === undefined ? {} : credentialHello(ctx.model, bed.secrets, credential);
  const out = [renderEndpoints(bed), credentials(ctx, bed)];
  if (forwards.length > 0) out.push('', 'Local forwards');
  const opened: LocalForward[] = [];
  for (const f of forwards) {
    const entry = await accessFor(ctx, bed, as!);
    const forward = await LocalForward.open(entry.port, {
      ...entry.hello,
      ...presents,
      asset: f.asset,
      action: f.action,
    });
    opened.push(forward);
    const withCredential = credential === undefined ? '' : `, presenting ${credential}`;
    out.push(`  127.0.0.1:${forward.port}  →  ${f.asset} ${f.action} as ${as}${withCredential}`);
  }
  out.push('', 'Serving until Ctrl-C or SIGTERM.');
  process.stdout.write(`${out.join('\n')}\n`);
  await stopped;
  await Promise.all(opened.map((f) => f.close()));
  process.stdout.write('Stopped: every port released.\n');
}

function credentials(ctx: ScenarioContext, bed: Testbed): string {
  const out = [`Per-run key ${bed.secrets.keyHex}`];
  for (const account of bed.access.design.vpn?.accounts ?? [])
    out.push(`  VPN account ${account}  password ${bed.secrets.password(account)}`);
  if (bed.broker !== null)
    ctx.model.users.forEach((user, i) => {
      const s = sessionSubject(ctx.model, i);
      const token = bed.secrets.issue({
        user: user.id,
        mfa: user.mfa,
        ...(s.device === undefined ? {} : { device: s.device }),
        managedDevice: s.managedDevice,
        posture: { ...s.posture },
      });
      out.push(`  token for ${user.id}  ${token}`);
    });
  return out.join('\n');
}

async function accessFor(
  ctx: ScenarioContext,
  bed: Testbed,
  who: string,
): Promise<{ port: number; hello: Record<string, unknown> }> {
  if (who === 'vpn') {
    const account = bed.access.design.vpn!.accounts[0]!;
    const reply = await login(bed.vpn!.port, { account, password: bed.secrets.password(account) });
    if (!reply.ok) throw new CliExit(1, `the VPN refused ${account}: ${reply.reason}`);
    return { port: bed.vpn!.port, hello: { ticket: reply.ticket } };
  }
  const i = ctx.model.userIndex.get(who)!;
  const s = sessionSubject(ctx.model, i);
  const token = bed.secrets.issue({
    user: who,
    mfa: ctx.model.users[i]!.mfa,
    ...(s.device === undefined ? {} : { device: s.device }),
    managedDevice: s.managedDevice,
    posture: { ...s.posture },
  });
  return { port: bed.broker!.port, hello: { token } };
}

function parseForwards(ctx: ScenarioContext, opts: LiveOpts): { asset: string; action: Action }[] {
  const list = opts.forward ?? [];
  if (list.length === 0) return [];
  if (opts.attack !== undefined || opts.list) throw usageError('--forward serves: it goes without --attack and --list');
  const design = pickDesign(ctx, opts.design);
  if (opts.as === undefined) throw usageError("--forward needs --as: 'vpn' or a user id");
  if (opts.credential !== undefined && !ctx.model.credentialIndex.has(opts.credential))
    throw usageError(`--credential: ${ctx.file} has no credential "${opts.credential}"`);
  if (opts.as === 'vpn' && design.vpn === undefined) throw usageError(`the design ${design.id} has no VPN`);
  if (opts.as !== 'vpn') {
    if (!ctx.model.userIndex.has(opts.as)) throw usageError(`${ctx.file} has no user "${opts.as}"`);
    if (design.zt === undefined) throw usageError(`the design ${design.id} has no zero-trust broker`);
  }
  return list.map((item) => {
    const [asset = '', action = ''] = item.split(':');
    if (!ctx.model.assetIndex.has(asset)) throw usageError(`--forward ${item}: ${ctx.file} has no asset "${asset}"`);
    if (ctx.model.vocab.action(action) === undefined) throw usageError(`--forward ${item}: unknown action "${action}"`);
    return { asset, action: action as Action };
  });
}
