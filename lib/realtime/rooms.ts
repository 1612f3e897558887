// Socket.IO room names, shared by the socket server and everything that emits through Redis.
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

/** Redis channel prefix shared by the Socket.IO adapter and the emitter. */
export const socketAdapterKey = (prefix: string) => `${prefix}:socket.io`;
