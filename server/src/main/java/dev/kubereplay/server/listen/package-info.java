/**
 * Where kubereplay listens. Every listener it opens (the recording proxy, the mocks) binds to
 * loopback unless the user asks for more with a flag that names the risk; requests over the
 * protocol never ask for more. {@link dev.kubereplay.server.listen.LoopbackRule} is that rule.
 */
package dev.kubereplay.server.listen;
