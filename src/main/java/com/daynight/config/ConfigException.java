package com.daynight.config;

/** A setting that stops the service from starting; its message is the one line the operator sees. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
