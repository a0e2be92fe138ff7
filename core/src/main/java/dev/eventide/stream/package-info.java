/** Node's streams: readable, writable, duplex and transform streams, pipe, pipeline and finished. */
package dev.eventide.stream;
