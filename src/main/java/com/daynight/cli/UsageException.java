package com.daynight.cli;

/** The command line is wrong; the message names the problem and the usage follows it. */
class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
