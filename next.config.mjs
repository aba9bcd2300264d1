// Next.js configuration. Lessons are compiled by lib/content (MDX at first request, then cached),
// so no MDX loader is configured here.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The OCI Distribution API lives under /v2/ and clients call "/v2/" with the trailing slash.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle (CycloneDX: its optional validator
  // plugins, which we do not install, must not be resolved at build time).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@cyclonedx/cyclonedx-library"],
  // Lesson sources are read from disk at run time; make sure standalone tracing keeps them.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
