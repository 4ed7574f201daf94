// More cases bounded-goroutines reports without a fix: goroutines of one loop waiting on each other.
export const eachOtherWithoutFix = `- a goroutine waits on a channel (a receive with no other case to take, or a range over it)
  that another goroutine of the loop closes or sends on: an element of the same map or slice
  under another index (\`<-started[dep]\`, \`defer close(started[c.ID])\`: podman's pod start, each
  container after those it depends on), the same field of another value, or, closed, the one
  channel they all share (\`<-allUp\`, closed by the last one up: a start barrier); bounded, those
  holding the slots would wait for one that never gets a slot (both hung in a trial); a goroutine
  that only closes its own element, read after the loop, or takes a token from a pool and puts it
  back, is still bounded;
- each goroutine runs its item, a function value its callers registered (\`cbs := make([]func(),
  0, len(s.cbs))\` filled from a registry, or another package's copy of it), and the loop waits for
  them all: callbacks run side by side may wait on each other, and bounded, one waiting for a later
  one would hold its slot for good (a policy store notifying its change callbacks);
`;
