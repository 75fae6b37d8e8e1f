// The only code that talks to Tauri until the desktop views land. Library
// text is inserted with textContent, never as HTML.
const line = document.getElementById("library");
const tauri = window.__TAURI__;
if (tauri && tauri.core) {
  tauri.core
    .invoke("library_info")
    .then((info) => {
      line.textContent = `${info.articles} articles in ${info.path}`;
    })
    .catch((error) => {
      line.textContent = `The library could not be opened: ${error.message ?? error}`;
    });
} else {
  line.textContent = "Not running inside the desktop app.";
}
