package app.omniy.runtime.maintenance;

import app.omniy.core.maintenance.spi.MaintenanceTask;

/** A registered task and the name its output lines carry. */
record NamedTask(String name, MaintenanceTask task) {}
