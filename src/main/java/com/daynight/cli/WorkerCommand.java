package com.daynight.cli;

import com.daynight.launcher.Main;
import com.daynight.worker.WorkerMode;
import java.util.List;
import java.util.Map;

/** {@code worker [--wait]}: see worker/WorkerMode. Listens for health checks where the server would (PORT). */
final class WorkerCommand {

    private WorkerCommand() {
    }

    static int run(List<String> args, Map<String, String> env) throws UsageException, InterruptedException {
        boolean wait = false;
        for (String arg : args) {
            if (!arg.equals("--wait")) {
                throw new UsageException("worker takes only --wait, got: " + arg);
            }
            wait = true;
        }
        int port;
        try {
            port = Main.port(env.get("PORT"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return WorkerMode.run(env, Main.bindAddress(env.get("BIND_ADDRESS"), env.get("AUTH")), port, wait);
    }
}
