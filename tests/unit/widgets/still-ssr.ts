/**
 * Server-renders a Svelte component the way the build does, for the stills' unit tests: the unit
 * tests' vitest config has no Svelte plugin, so a small Vite server with it loads the component and
 * svelte/server renders it to HTML.
 */
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Starting Vite and compiling the first component can take many seconds on a busy 2-core machine. */
export const SSR_START_MS = 60_000;

export interface SvelteSsr {
  /** The HTML body of `component` (a path from the project root) rendered with `props`. */
  render(component: string, props: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function svelteSsr(): Promise<SvelteSsr> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    logLevel: 'error',
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
  const { render } = (await server.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
  return {
    async render(component, props) {
      const { default: Component } = await server.ssrLoadModule(`/${component}`);
      return render(Component, { props }).body;
    },
    close: () => server.close(),
  };
}
