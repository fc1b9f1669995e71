package ru.repitbot.config.web;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report valve. The host installs its valve
 * when it starts, before it starts the application's context, so the swap happens when the context starts.
 */
public class TomcatProblemPages implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReportValve(context.getParent());
            }
        });
    }

    private static void replaceErrorReportValve(Container host) {
        if (host == null) {
            return;
        }
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new ProblemErrorReportValve());
                return;
            }
        }
    }
}
