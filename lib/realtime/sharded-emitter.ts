// @socket.io/redis-emitter 5.1.0 only PUBLISHes, in the classic adapter's format ([uid, packet, opts] in msgpack);
// it has no sharded mode (socketio/socket.io-redis-emitter#127 is open, #130 an unfinished draft). The sharded adapter
// (createShardedAdapter, @socket.io/redis-adapter 8.3.0) reads socket.io-adapter's ClusterAdapter messages from
// SSUBSCRIBE channels instead. This emitter writes exactly those: the same channels the adapter computes
// (`<prefix>#/#` for everything, `<prefix>#/#<room>#` for a broadcast to one room, which only instances holding
// that room subscribe to) and the same message shape, as JSON: the app's events carry no binary (attachments go
// by URL), and a payload that does is refused rather than sent mangled.

const EMITTER_UID = "emitter";
const NSP = "/";
// socket.io-adapter's MessageType and socket.io-parser's PacketType.EVENT
const BROADCAST = 3;
const DISCONNECT_SOCKETS = 6;
const EVENT_PACKET = 2;

export type ShardedPublish = (channel: string, message: string) => unknown;

/** What the app emits through: the subset of @socket.io/redis-emitter's API it uses, on one Redis or a cluster. */
export interface RoomBroadcast {
  to(room: string | string[]): RoomBroadcast;
  in(room: string | string[]): RoomBroadcast;
  except(room: string | string[]): RoomBroadcast;
  emit(event: string, ...args: unknown[]): true;
  disconnectSockets(close?: boolean): void;
}

const hasBinary = (value: unknown): boolean => {
  if (!value || typeof value !== "object") return false;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  return Object.values(value).some(hasBinary);
};

// the sharded adapter publishes a room's broadcasts on that room's channel, except to a socket's own room (20 chars)
const looksLikeASocketId = (room: string) => room.length === 20;

class ShardedBroadcast implements RoomBroadcast {
  constructor(
    private readonly publish: ShardedPublish,
    private readonly channelPrefix: string,
    private readonly rooms: ReadonlySet<string> = new Set(),
    private readonly exceptRooms: ReadonlySet<string> = new Set(),
  ) {}

  to(room: string | string[]): RoomBroadcast {
    return new ShardedBroadcast(this.publish, this.channelPrefix, new Set([...this.rooms, ...[room].flat()]), this.exceptRooms);
  }

  in(room: string | string[]): RoomBroadcast {
    return this.to(room);
  }

  except(room: string | string[]): RoomBroadcast {
    return new ShardedBroadcast(this.publish, this.channelPrefix, this.rooms, new Set([...this.exceptRooms, ...[room].flat()]));
  }

  emit(event: string, ...args: unknown[]): true {
    const data = { packet: { type: EVENT_PACKET, data: [event, ...args], nsp: NSP }, opts: this.options() };
    const [only] = this.rooms;
    const channel = this.rooms.size === 1 && !looksLikeASocketId(only) ? `${this.mainChannel()}${only}#` : this.mainChannel();
    this.send(channel, { type: BROADCAST, data });
    return true;
  }

  disconnectSockets(close = false): void {
    this.send(this.mainChannel(), { type: DISCONNECT_SOCKETS, data: { opts: this.options(), close } });
  }

  private mainChannel(): string {
    return `${this.channelPrefix}#${NSP}#`;
  }

  private options() {
    return { rooms: [...this.rooms], except: [...this.exceptRooms], flags: {} };
  }

  private send(channel: string, message: { type: number; data: unknown }): void {
    const full = { uid: EMITTER_UID, nsp: NSP, ...message };
    if (hasBinary(message.data)) throw new Error("binary payloads are not sent through the sharded emitter");
    this.publish(channel, JSON.stringify(full));
  }
}

/** An emitter for instances running the sharded adapter with `channelPrefix`; `publish` sends SPUBLISH. */
export function shardedEmitter(publish: ShardedPublish, channelPrefix: string): RoomBroadcast {
  return new ShardedBroadcast(publish, channelPrefix);
}
