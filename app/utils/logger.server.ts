// Structured JSON logs (pino). One logger for the server, the worker and the CLI.
import pino from 'pino'

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'essor' },
  timestamp: pino.stdTimeFunctions.isoTime,
})
