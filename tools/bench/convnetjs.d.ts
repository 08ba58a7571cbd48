// convnetjs 0.3.0 ships no types; the bench uses only these members.
declare module 'convnetjs' {
  interface Vol {
    w: Float64Array;
  }
  interface ConvNetJs {
    Net: new () => { makeLayers(defs: object[]): void };
    Vol: new (sx: number, sy: number, depth: number, fill: number) => Vol;
    SGDTrainer: new (net: unknown, options: object) => { train(x: Vol, label: number): unknown };
  }
  const convnetjs: ConvNetJs;
  export default convnetjs;
}
