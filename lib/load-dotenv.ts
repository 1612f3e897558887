// Reads ./.env into process.env for scripts and server.ts (variables already set win). Next does this itself.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env file: configuration comes from the environment and the development defaults
}
