@echo off
rem kubereplay @project.version@ for Windows: runs lib\kubereplay.jar on Java 17 or newer
rem (JAVA_HOME, else java.exe on the PATH) with the options of bin/kubereplay (read its comments),
rem and a class-data-sharing archive of its classes, made by the first run, under
rem %LOCALAPPDATA%\kubereplay\cds. KUBEREPLAY_OPTS and JAVA_OPTS add JVM options (then no archive
rem is made: its name could not tell their options apart); KUBEREPLAY_CDS=off runs without it.
rem Paths go through labels, not ( ) blocks: a path such as "C:\Program Files (x86)" ends a block.
setlocal EnableExtensions DisableDelayedExpansion

set "KR_JAR=%~dp0..\lib\kubereplay.jar"
if exist "%KR_JAR%" goto findJava
>&2 echo kubereplay: %KR_JAR% is missing: unpack the whole kubereplay archive, bin and lib side by side
exit /b 1

:findJava
if not defined JAVA_HOME goto javaFromPath
set "KR_JAVA_HOME=%JAVA_HOME%"
set "KR_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%KR_JAVA%" goto checkVersion
>&2 echo kubereplay: JAVA_HOME is %JAVA_HOME%, but there is no %KR_JAVA%: point JAVA_HOME at a Java 17 or newer, or unset it to use java from the PATH
exit /b 1

:javaFromPath
set "KR_JAVA="
for %%J in (java.exe) do set "KR_JAVA=%%~$PATH:J"
if defined KR_JAVA goto javaFound
>&2 echo kubereplay: no Java found: install Java 17 or newer and put it on the PATH, or set JAVA_HOME
exit /b 1
:javaFound
for %%J in ("%KR_JAVA%") do set "KR_JAVA_HOME=%%~dpJ.."

rem The version from the installation's release file; a java.exe without one (a PATH stub) is
rem left to say itself whether it can run the jar.
:checkVersion
set "KR_JAVA_VERSION="
set "KR_JAVA_BUILD="
set "KR_MAJOR="
if not exist "%KR_JAVA_HOME%\release" goto options
for /f "usebackq tokens=1,* delims==" %%a in ("%KR_JAVA_HOME%\release") do (
  if "%%a"=="JAVA_VERSION" set "KR_JAVA_VERSION=%%~b"
  if "%%a"=="JAVA_RUNTIME_VERSION" set "KR_JAVA_BUILD=%%~b"
)
if not defined KR_JAVA_VERSION goto options
for /f "tokens=1,2 delims=._+-" %%a in ("%KR_JAVA_VERSION%") do (
  set "KR_MAJOR=%%a"
  if "%%a"=="1" set "KR_MAJOR=%%b"
)
if not defined KR_MAJOR goto options
if %KR_MAJOR% GEQ 17 goto options
>&2 echo kubereplay: Java 17 or newer is needed, but %KR_JAVA% is Java %KR_JAVA_VERSION%: set JAVA_HOME to a Java 17 or newer
exit /b 1

rem The options of bin/kubereplay; a collector or heap size of the user's own replaces ours.
:options
set "KR_GC=-XX:+UseSerialGC"
set "KR_HEAP=-Xms64m -Xmx320m"
set "KR_USER= %JAVA_OPTS% %KUBEREPLAY_OPTS% "
if not "%KR_USER:-XX:+UseSerialGC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-XX:+UseParallelGC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-XX:+UseG1GC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-XX:+UseZGC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-XX:+UseShenandoahGC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-XX:+UseEpsilonGC=%"=="%KR_USER%" set "KR_GC="
if not "%KR_USER:-Xms=%"=="%KR_USER%" set "KR_HEAP="
if not "%KR_USER:-Xmx=%"=="%KR_USER%" set "KR_HEAP="
if not "%KR_USER:HeapSize=%"=="%KR_USER%" set "KR_HEAP="
set "KR_OPTS=%KR_GC% %KR_HEAP% -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning,cds*=off:stderr %JAVA_OPTS% %KUBEREPLAY_OPTS%"

rem The class-data-sharing archive, named for this version, Java build and jar (size and time).
if /i "%KUBEREPLAY_CDS%"=="off" goto run
if defined JAVA_OPTS goto run
if defined KUBEREPLAY_OPTS goto run
if not defined LOCALAPPDATA goto run
if not defined KR_JAVA_BUILD goto run
for %%F in ("%KR_JAR%") do set "KR_STAMP=%%~zF-%%~tF"
set "KR_STAMP=%KR_STAMP:/=%"
set "KR_STAMP=%KR_STAMP::=%"
set "KR_STAMP=%KR_STAMP: =%"
set "KR_STAMP=%KR_STAMP:.=%"
set "KR_CACHE=%LOCALAPPDATA%\kubereplay\cds"
set "KR_ARCHIVE=%KR_CACHE%\kubereplay-@project.version@-java%KR_JAVA_BUILD%-%KR_STAMP%.jsa"
if exist "%KR_ARCHIVE%" goto runWithArchive
if exist "%KR_ARCHIVE%.off" goto run
if not exist "%KR_CACHE%" mkdir "%KR_CACHE%" >nul 2>&1
rem The JVM cannot write an archive without its own base archive: then never try again.
"%KR_JAVA%" %KR_OPTS% -Xshare:on -version >nul 2>&1
if errorlevel 1 goto noBaseArchive
set "KR_TIME=%TIME::=%"
set "KR_TIME=%KR_TIME:,=%"
set "KR_TIME=%KR_TIME:.=%"
set "KR_TIME=%KR_TIME: =%"
set "KR_DUMP=%KR_ARCHIVE%.%KR_TIME%%RANDOM%%RANDOM%.dump"
type nul >"%KR_DUMP%" 2>nul || goto run

rem First run: the JVM writes the archive as it exits; a throwaway JVM then maps it and relocates
rem every pointer in it (a broken archive fails there, not in a command) before it is moved into
rem place; a second first run beside this one may have moved its own there first.
"%KR_JAVA%" %KR_OPTS% "-XX:ArchiveClassesAtExit=%KR_DUMP%" -jar "%KR_JAR%" %*
set "KR_EXIT=%ERRORLEVEL%"
"%KR_JAVA%" %KR_OPTS% -Xshare:on "-XX:SharedArchiveFile=%KR_DUMP%" -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=1 "-XX:ErrorFile=%TEMP%\kubereplay-cds-check.log" -XX:-CreateCoredumpOnCrash -cp "%KR_JAR%" -version >nul 2>&1 && move /y "%KR_DUMP%" "%KR_ARCHIVE%" >nul 2>&1
if exist "%KR_DUMP%" del /q "%KR_DUMP%" >nul 2>&1
exit /b %KR_EXIT%

:noBaseArchive
type nul >"%KR_ARCHIVE%.off" 2>nul
goto run

:runWithArchive
"%KR_JAVA%" %KR_OPTS% "-XX:SharedArchiveFile=%KR_ARCHIVE%" -jar "%KR_JAR%" %*
exit /b %ERRORLEVEL%

:run
"%KR_JAVA%" %KR_OPTS% -jar "%KR_JAR%" %*
exit /b %ERRORLEVEL%
