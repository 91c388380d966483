package io.dash4j.runtime.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.function.Function;

/**
 * An event-bus codec that hands the object itself to local consumers (no copy: the door parsed the
 * request once and nobody mutates it) and serializes it only when the message crosses to another
 * node.
 *
 * @param <T> the message type
 */
public final class LocalFirstCodec<T> implements MessageCodec<T, T> {
  private final String name;
  private final Function<T, byte[]> encode;
  private final Function<Buffer, T> decode;

  private LocalFirstCodec(Class<T> type, Function<T, byte[]> encode, Function<Buffer, T> decode) {
    this.name = "dash4j." + type.getSimpleName();
    this.encode = encode;
    this.decode = decode;
  }

  /** Registers the codec as the default for {@code type} unless this event bus already has it. */
  public static synchronized <T> void register(
      EventBus bus, Class<T> type, Function<T, byte[]> encode, Function<Buffer, T> decode) {
    try {
      bus.registerDefaultCodec(type, new LocalFirstCodec<>(type, encode, decode));
    } catch (IllegalStateException alreadyRegistered) {
      // several DashVerticle instances (-instances N) share one event bus
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    byte[] bytes = encode.apply(value);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return decode.apply(buffer.getBuffer(pos + 4, pos + 4 + length));
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
