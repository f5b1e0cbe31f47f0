import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    adapter: adapter({ precompress: true }),
    // Inline the small stylesheet so a museum page needs one request on a weak link.
    inlineStyleThreshold: 8192,
    // Cross-site form posts are refused in hooks.server.ts (lib/server/http/cross-site.ts): the
    // same check, but OAI-PMH harvesters may POST to /oai, which SvelteKit's own cannot allow.
    csrf: { trustedOrigins: ['*'] },
    // Only a tour page registers it, when a visitor saves the tour for offline.
    serviceWorker: { register: false },
    // The type check covers the start, worker, demo and benchmark scripts as well.
    typescript: {
      config: (config) => {
        config.include.push('../scripts/**/*.ts');
        return config;
      }
    }
  }
};
