import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDto } from './problem.js';

const TITLES: Record<number, string> = {
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

/** The router's refusals before any route or hook (Fastify `frameworkErrors`): an over-long parameter, a bad URL. */
export function frameworkErrorProblem(error: {
  code?: string;
  statusCode?: number;
  message?: string;
}): ProblemDto {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'uri-too-long', 'A part of this address is longer than any id or name we store.');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'malformed-request', 'The address could not be read.');
    default:
      return problem(error.statusCode ?? 400, 'malformed-request', 'The request could not be read.');
  }
}

export function renderFrameworkError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const body = frameworkErrorProblem(error as Error & { code?: string; statusCode?: number });
  void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (Fastify `clientErrorHandler`): headers past the
 * server's limit (431), a request not received whole in time (408), bytes that are not HTTP (400). Written to the
 * socket as problem+json, then the connection is closed, as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'headers-too-large', 'The request headers are larger than this server accepts.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'request-timeout', 'The request was not received whole in time; send it again.')
        : problem(400, 'malformed-request', 'The request is not HTTP this server can read.');
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${TITLES[body.status] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Connection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
