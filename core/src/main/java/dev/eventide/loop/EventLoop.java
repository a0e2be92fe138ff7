package dev.eventide.loop; public final class EventLoop { private EventLoop() {} }
