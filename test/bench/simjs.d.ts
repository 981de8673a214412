// The part of simjs 2.0.3 the kernel benchmark drives; the package ships no types.
declare module 'simjs' {
  export class Request {
    /** Calls `callback` (with `this` = the entity unless `context` is given) when the request fires. */
    done(callback: () => void, context?: object, argument?: unknown): Request;
    cancel(): void;
  }

  export class Entity {
    constructor(sim: Sim, name?: string);
    readonly sim: Sim;
    time(): number;
    setTimer(duration: number): Request;
  }

  export class Sim {
    constructor();
    time(): number;
    /** Constructs `Klass(sim, name)` and calls its `start(...args)`. */
    addEntity<E extends Entity, A extends unknown[]>(
      Klass: new (sim: Sim, name?: string) => E & { start(...args: A): void },
      name?: string,
      ...args: A
    ): E;
    /** Fires events up to `endTime`, or `maxEvents` of them; false when it stopped on the count. */
    simulate(endTime: number, maxEvents?: number): boolean;
    readonly queue: { readonly data: readonly unknown[] };
  }
}
