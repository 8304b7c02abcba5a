import type { Prisma } from '../generated/prisma/client';

/** The client inside `db.$transaction(async (tx) => …)`: repositories accept either. */
export type Tx = Prisma.TransactionClient;
