package org.frontline.notebook;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java ... org.frontline.notebook.KernelMain CONNECTION_FILE}: what Jupyter starts (see kernel.json). */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it; install with"
          + " notebooks/install-kernel)");
      System.exit(2);
    }
    KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JavaKernel kernel = new JavaKernel(true);
    JupyterConnection connection = new JupyterConnection(props);
    kernel.becomeHandlerForConnection(connection);
    kernel.onStartup();
    connection.connect();
    connection.waitUntilClose();
    kernel.onShutdown(false);
    System.exit(0);
  }
}
