import type { Services } from '@pristinesend/domain';
import type { FastifyBaseLogger } from 'fastify';

const HOUR = 60 * 60 * 1000;

/** Deletes expired idempotency keys hourly; any instance may do it, the delete is idempotent. */
export function startSweeper(services: Services, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    services.idempotency.sweep().then(
      (deleted) => deleted > 0 && log.info({ deleted }, 'swept expired idempotency keys'),
      (error) => log.warn({ err: error }, 'idempotency sweep failed'),
    );
  }, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
